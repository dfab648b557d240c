// The engine: runs the control loops over the store until nothing changes (settle), and jumps
// simulated time from one due instant to the next (advance). It is the only place that
// applies components' intended writes, through the API server.

import type { Controller, EventNote, Outcome, Trigger, Write } from "../controllers/types";
import type { KubeObject, ObjectKey } from "../api/types";
import { keyOf, parseKey, refOf } from "../api/types";
import type { Change } from "../api/store/store";
import { StatusError } from "../api/errors";
import { StateFileError } from "../state/state-file-error";
import { viewOf } from "../api/store/view";
import type { Cluster } from "./cluster";
import type { Duration, Instant } from "./time";
import { plus } from "./time";
import { recordEvent } from "./recorder";
import { EVENT_TTL, expireEvents, nextEventExpiry } from "./event-ttl";
import { failuresRecorded, rejectionBackoff, rejectionOf } from "./rejected-writes";

/** A controller fighting itself is a bug to report, not a loop to run forever. */
const MAX_ROUNDS = 10_000;

export class EngineError extends Error {}

interface Wiring {
  readonly components: readonly Controller[];
  readonly byKind: ReadonlyMap<string, readonly { index: number; trigger: Trigger }[]>;
  readonly indexByName: ReadonlyMap<string, number>;
}

export function wire(components: readonly Controller[]): Wiring {
  const byKind = new Map<string, { index: number; trigger: Trigger }[]>();
  components.forEach((c, index) => {
    for (const trigger of c.wakeOn) {
      const list = byKind.get(trigger.kind) ?? [];
      list.push({ index, trigger });
      byKind.set(trigger.kind, list);
    }
  });
  return { components, byKind, indexByName: new Map(components.map((c, i) => [c.name, i])) };
}

/** Runs every component whose keys are dirty or due, at `cluster.now`, until none are. */
export function settle(cluster: Cluster, wiring: Wiring): void {
  const due = cluster.agenda.popDue(cluster.now);
  if (due.some((item) => item.component === EVENT_TTL)) expireEvents(cluster.store, cluster.now);
  // A component's set is made when a key of it first goes dirty: most instants wake a few.
  const dirty: (Set<ObjectKey> | undefined)[] = new Array(wiring.components.length);
  const view = viewOf(cluster.store, cluster.runtime);
  /** Changes that are a derivedStatus component's own status write for the key it ran: → its index. */
  const ownStatus = new Map<Change, number>();
  for (const item of due) {
    const i = wiring.indexByName.get(item.component);
    if (i !== undefined) (dirty[i] ??= new Set()).add(item.key);
  }
  for (let round = 0; ; round++) {
    if (round > MAX_ROUNDS) throw new EngineError(`internal: the control loops did not settle at ${cluster.now}`);
    markChanges(cluster, wiring, dirty, view, ownStatus);
    const i = firstDirty(dirty);
    if (i < 0) return scheduleEventExpiry(cluster);
    const keys = sortedKeys(dirty[i]!);
    dirty[i]!.clear();
    const component = wiring.components[i];
    for (const key of keys) {
      const outcome = runOne(component, view, key, cluster);
      const mark = cluster.store.changes.length;
      const applied = apply(cluster, outcome);
      if (component.derivedStatus && wroteOwnStatus(outcome, key, applied)) {
        for (const change of cluster.store.changes.slice(mark)) if (change.key === key && isStatusOnly(change)) ownStatus.set(change, i);
      }
      if (applied.conflict) dirty[i]!.add(key);
      if (applied.backoff !== undefined) retryAfter(cluster, component.name, key, applied.backoff);
      if (outcome.requeueAfter !== undefined && outcome.requeueAfter >= 0) {
        cluster.agenda.add({ due: plus(cluster.now, outcome.requeueAfter), component: component.name, key });
      }
    }
  }
}

function firstDirty(dirty: readonly (Set<ObjectKey> | undefined)[]): number {
  for (let i = 0; i < dirty.length; i++) if (dirty[i] !== undefined && dirty[i]!.size > 0) return i;
  return -1;
}

/**
 * A dirty set's keys in order. Most rounds run a few keys: those are sorted by insertion, as
 * Array.prototype.sort allocates its work space for every call.
 */
function sortedKeys(keys: Set<ObjectKey>): ObjectKey[] {
  const out = [...keys];
  if (out.length > 16) return out.sort();
  for (let i = 1; i < out.length; i++) {
    const key = out[i];
    let j = i - 1;
    for (; j >= 0 && out[j] > key; j--) out[j + 1] = out[j];
    out[j + 1] = key;
  }
  return out;
}

/**
 * Puts a failed key back after its back-off, unless it already runs by then: the work queue
 * holds one pending retry per key, the earliest, and that run backs off again if it fails.
 */
function retryAfter(cluster: Cluster, component: string, key: ObjectKey, backoff: Duration): void {
  const due = plus(cluster.now, backoff);
  if (cluster.agenda.toJSON().some((i) => i.component === component && i.key === key && i.due <= due)) return;
  cluster.agenda.add({ due, component, key });
}

/**
 * Puts the next Event expiry on the agenda: time stops there to expire it, and a command that
 * finds nothing due by its tick knows no Event expires either, without reading the Events.
 * An expiry already on the agenda comes no later than any Event recorded since (each lives an
 * hour from now), so only an agenda without one needs the Events read.
 */
function scheduleEventExpiry(cluster: Cluster): void {
  if (cluster.agenda.toJSON().some((i) => i.component === EVENT_TTL)) return;
  const next = nextEventExpiry(cluster.store);
  if (next !== undefined) cluster.agenda.add({ due: next as Instant, component: EVENT_TTL, key: "Event" });
}

function runOne(component: Controller, view: ReturnType<typeof viewOf>, key: ObjectKey, cluster: Cluster): Outcome {
  try {
    return component.reconcile(view, key, cluster.now, cluster.rng);
  } catch (err) {
    if (err instanceof StateFileError) throw err; // a damaged record in the file, not a bug
    throw new EngineError(`internal: ${component.name} failed on ${key}: ${(err as Error).message}`);
  }
}

function markChanges(cluster: Cluster, wiring: Wiring, dirty: (Set<ObjectKey> | undefined)[], view: ReturnType<typeof viewOf>, ownStatus: Map<Change, number>): void {
  const changes = cluster.store.changes;
  if (changes.length === 0) return;
  cluster.store.changes = [];
  for (const change of changes) {
    const writer = ownStatus.get(change);
    const { before, after } = change;
    for (const { index, trigger } of wiring.byKind.get((after ?? before)!.kind) ?? []) {
      if (trigger.concerns && !trigger.concerns(before, after)) continue;
      // The set is made at its first key: a Pod change asks 17 triggers, and most answer none.
      if (before) for (const key of trigger.keysFor(before, view, change.key)) if (index !== writer || key !== change.key) (dirty[index] ??= new Set()).add(key);
      if (after) for (const key of trigger.keysFor(after, view, change.key)) if (index !== writer || key !== change.key) (dirty[index] ??= new Set()).add(key);
    }
  }
  ownStatus.clear();
}

/**
 * The run wrote the status of the key it reconciled, and its writes went through. Its other
 * writes wake it, if they concern it, through its triggers like anyone's.
 */
function wroteOwnStatus(outcome: Outcome, key: ObjectKey, applied: Applied): boolean {
  if (applied.conflict || applied.backoff !== undefined) return false;
  for (const w of outcome.writes) if (w.op === "updateStatus" && keyOf(refOf(w.object)) === key) return true;
  return false;
}

/** Only status changed (and the resourceVersion stamped with it): every other field is the same value. */
function isStatusOnly({ before, after }: Change): boolean {
  if (!before || !after) return false;
  return sameExcept(before, after, "status", "metadata") && sameExcept(before.metadata, after.metadata, "resourceVersion");
}

/** The same fields, each the same value, but for the `except` ones (whose values may differ). */
function sameExcept(a: object, b: object, except: string, except2?: string): boolean {
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let fields = 0;
  for (const k in ra) {
    fields++;
    if (k !== except && k !== except2 && !(k in rb && ra[k] === rb[k])) return false;
  }
  for (const _ in rb) fields--;
  return fields === 0;
}

interface Applied {
  /** A write met a conflict: the key runs again at once, as upstream re-queues on error. */
  readonly conflict: boolean;
  /** A write was rejected and handled (Write.onRejected): retry the key after this back-off. */
  readonly backoff?: Duration;
}

const CLEAN: Applied = { conflict: false };
const CONFLICT: Applied = { conflict: true };

/**
 * Applies an Outcome's writes and records its events. A rejected write with `onRejected` has
 * its Warnings recorded in place of its success note, skips the later writes of its batch and
 * backs the key off; a rejected write without it is a kubesim bug, reported as internal.
 */
function apply(cluster: Cluster, outcome: Outcome): Applied {
  // Most runs decide nothing: they need none of the bookkeeping below.
  if (outcome.writes.length === 0 && outcome.events.length === 0 && (outcome.runtime?.length ?? 0) === 0) return CLEAN;
  let conflict = false;
  let firstWarnings: readonly [EventNote, ...EventNote[]] | undefined;
  // Made at the first rejection: most writes go through.
  let instead: Map<EventNote, readonly EventNote[]> | undefined;
  let stoppedBatches: Set<string> | undefined;
  let followUps: (() => Write | undefined)[] | undefined;
  for (const w of outcome.writes) {
    const onRejected = w.op === "create" || w.op === "update" ? w.onRejected : undefined;
    if (onRejected?.batch !== undefined && stoppedBatches?.has(onRejected.batch)) {
      if (onRejected.replaces) instead!.set(onRejected.replaces, []);
      continue;
    }
    let created: KubeObject | undefined;
    try {
      created = applyWrite(cluster, w);
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      if (err.reason === "Conflict") conflict = true;
      else if (err.reason !== "NotFound" && err.reason !== "AlreadyExists") {
        if (!onRejected) throw new EngineError(`internal: a controller write was rejected: ${err.message}`);
        const warnings = onRejected.events(rejectionOf(err));
        instead ??= new Map();
        if (onRejected.replaces) instead.set(onRejected.replaces, warnings);
        else instead.set(warnings[0], warnings); // no success note to replace: record them after the others
        if (onRejected.batch !== undefined) (stoppedBatches ??= new Set()).add(onRejected.batch);
        const { followUp } = onRejected;
        if (followUp) (followUps ??= []).push(() => followUp(rejectionOf(err), viewOf(cluster.store, cluster.runtime)));
        firstWarnings ??= warnings;
      }
    }
    // Like a follow-up, a write of the sync's own making: not the create's to answer for.
    const then = w.op === "create" ? w.afterCreate?.(created) : undefined;
    if (then) applyWrite(cluster, then);
  }
  for (const followUp of followUps ?? []) {
    const w = followUp();
    if (w) applyWrite(cluster, w);
  }
  const runtime = outcome.runtime ?? [];
  if (runtime.length > 0) cluster.runtimeWrites++;
  for (const r of runtime) {
    if (r.record === undefined) cluster.runtime.delete(r.podUid);
    else cluster.runtime.set(r.podUid, r.record);
  }
  for (const note of notesToRecord(outcome.events, instead)) recordEvent(cluster, note, cluster.now, cluster.rng);
  if (firstWarnings === undefined) return conflict ? CONFLICT : CLEAN;
  return { conflict, backoff: rejectionBackoff(failuresRecorded(cluster.store, firstWarnings)) };
}

/** The run's notes, each success note of a rejected write replaced by its Warnings, then the Warnings that replace none. */
function notesToRecord(events: readonly EventNote[], instead: Map<EventNote, readonly EventNote[]> | undefined): readonly EventNote[] {
  if (instead === undefined) return events;
  const notes = [...events, ...[...instead.keys()].filter((n) => !events.includes(n))];
  return notes.flatMap((n) => instead.get(n) ?? [n]);
}

/** Applies one write; a create returns the object it stored. */
function applyWrite(cluster: Cluster, w: Write): KubeObject | undefined {
  const api = cluster.api;
  switch (w.op) {
    case "create":
      return api.create(w.object as KubeObject, { trusted: true });
    case "update":
      api.update(w.object as KubeObject, { trusted: true });
      return;
    case "updateStatus":
      api.updateStatus(w.object as KubeObject, { trusted: true });
      return;
    case "bind":
      api.bind(w.ref, w.nodeName, w.uid);
      return;
    case "delete":
      api.delete(w.ref, {
        propagationPolicy: w.propagationPolicy,
        gracePeriodSeconds: w.gracePeriodSeconds,
        force: w.force,
        uid: w.uid,
      });
      return;
  }
}

/**
 * Moves time forward by `by`, stopping at every due instant on the agenda to settle there.
 * `onStep` runs after each settle (waiting verbs print from it); returning true stops early.
 * Returns true when stopped by onStep.
 */
export function advance(cluster: Cluster, wiring: Wiring, by: Duration, onStep?: () => boolean): boolean {
  const target = plus(cluster.now, by);
  for (;;) {
    const next = cluster.agenda.nextDue();
    if (next === undefined || next > target) break;
    cluster.now = Math.max(next, cluster.now) as Instant;
    settle(cluster, wiring);
    if (onStep?.()) return true;
  }
  cluster.now = target;
  settle(cluster, wiring);
  return onStep?.() ?? false;
}

export { parseKey };
