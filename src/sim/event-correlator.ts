// The EventCorrelator of client-go's recorder (tools/record/events_cache.go), through which the
// kubelet and the controller manager's controllers record their Events:
// - similar events (one object, source, type and reason; messages differ) seen ten times within
//   ten minutes are aggregated: the tenth and later become one Event whose message is
//   `(combined from similar events): <latest message>`, counted up;
// - a spam filter lets a source record 25 Events about an object at once, then one every five
//   minutes (a token bucket): further occurrences are dropped, though still counted, so the
//   next one that gets through carries the true count.
// Upstream keeps this in each component's memory; a simulated component lives across commands,
// so its memory is a runtime record (`events:<source>[@<host>]`), holding only what the stored
// Events cannot tell (see the recorder). The scheduler records through events.k8s.io's
// recorder, which has no correlator.

import type { Instant } from "./time";

/** defaultAggregateMaxEvents and defaultAggregateIntervalInSeconds. */
export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
/** defaultSpamBurst, and 1 / defaultSpamQPS: one token back every five minutes. */
export const SPAM_BURST = 25;
export const SPAM_REFILL_MS = 300_000;

export const COMBINED_PREFIX = "(combined from similar events): ";

/** Components that record through events.k8s.io's recorder (EventSeries, no correlator). */
const UNCORRELATED_SOURCES = new Set(["default-scheduler"]);

/** The messages of one object's similar events, when one last came. */
export interface SimilarRecord {
  readonly last: number;
  readonly messages: readonly string[];
}

/** An occurrence the spam filter dropped: what the next one that gets through writes. */
export interface Observation {
  readonly name: string;
  readonly count: number;
  readonly firstTimestamp: string;
}

/** One component's correlator, as its runtime record holds it; every part may be absent. */
export interface CorrelatorState {
  /** Object → when its token bucket is full again (a full bucket is left out). */
  spam?: Record<string, number>;
  /** `<object>|<type>|<reason>` → its similar messages, kept only when the stored Events cannot tell them. */
  similar?: Record<string, SimilarRecord>;
  /** The Event's cache key → the occurrence last dropped. */
  unwritten?: Record<string, Observation & { at: number }>;
  /** When entries that mean nothing any more were last cleared away. */
  swept?: number;
}

/** `events:<source>[@<host>]`, made once per source and host (each Event recorded reads its correlator). */
export function correlatorId(source: string, host: string | undefined): string {
  let byHost = correlatorIds.get(source);
  if (byHost === undefined) correlatorIds.set(source, (byHost = new Map()));
  let id = byHost.get(host ?? "");
  if (id === undefined) byHost.set(host ?? "", (id = `events:${source}${host ? `@${host}` : ""}`));
  return id;
}

const correlatorIds = new Map<string, Map<string, string>>();

export const isCorrelated = (source: string): boolean => !UNCORRELATED_SOURCES.has(source);

/**
 * EventAggregate: the record with `message` added, and whether the event is to be combined
 * (the record then drops one message, as upstream's PopAny keeps the set below the limit; it
 * drops the oldest, where Go's set drops an arbitrary one).
 * @example aggregate(undefined, "Created pod: web-1", t) // { record: { last: t, messages: ["Created pod: web-1"] }, combined: false }
 */
export function aggregate(previous: SimilarRecord | undefined, message: string, now: Instant): { record: SimilarRecord; combined: boolean } {
  const fresh = !previous || now - previous.last > AGGREGATE_INTERVAL_MS;
  const messages = fresh ? [message] : previous.messages.includes(message) ? [...previous.messages] : [...previous.messages, message];
  if (messages.length < AGGREGATE_MAX_EVENTS) return { record: { last: now, messages }, combined: false };
  return { record: { last: now, messages: messages.slice(1) }, combined: true };
}

/**
 * The spam filter's token bucket, kept as the instant it is full again: an occurrence gets
 * through while at least one token is left, and takes it. Returns the bucket's new full
 * instant, or undefined when the occurrence is spam.
 * @example takeToken(undefined, t) === t + SPAM_REFILL_MS
 */
export function takeToken(fullAt: number | undefined, now: Instant): number | undefined {
  const from = Math.max(fullAt ?? now, now);
  if (from - now > (SPAM_BURST - 1) * SPAM_REFILL_MS) return undefined;
  return from + SPAM_REFILL_MS;
}

/**
 * Clears away what no longer changes anything: full buckets, similar records older than the
 * aggregation interval and dropped occurrences older than an Event lives (`eventTtlMs`; their
 * Event would be gone). Runs at most once per interval, so a record costs nothing between.
 */
export function sweep(state: CorrelatorState, now: Instant, eventTtlMs: number): void {
  if (state.swept !== undefined && now - state.swept < AGGREGATE_INTERVAL_MS) return;
  state.swept = now;
  for (const [object, fullAt] of Object.entries(state.spam ?? {})) if (fullAt <= now) delete state.spam![object];
  for (const [key, r] of Object.entries(state.similar ?? {})) if (now - r.last > AGGREGATE_INTERVAL_MS) delete state.similar![key];
  for (const [key, o] of Object.entries(state.unwritten ?? {})) if (now - o.at >= eventTtlMs) delete state.unwritten![key];
  if (isEmpty(state.spam)) delete state.spam;
  if (isEmpty(state.similar)) delete state.similar;
  if (isEmpty(state.unwritten)) delete state.unwritten;
}

const isEmpty = (o: object | undefined) => o !== undefined && Object.keys(o).length === 0;
