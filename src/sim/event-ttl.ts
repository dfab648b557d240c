// Events live for an hour after they were last seen, as with kube-apiserver's --event-ttl=1h
// (etcd leases expire them). A queue of expiry instants per store, in expiry order, built by one
// scan of the Events' saved text only when an expiry is due (the engine keeps the next one on
// the agenda), then kept up by the recorder, so Events cost nothing while none expires. The
// recorder writes at the simulated now, which only moves on, so its entries join at the end.

import type { Store } from "../api/store/store";
import { RawJson } from "../api/store/raw-json";
import { savedLastTimestamp } from "../api/store/event-encoding";
import type { Instant } from "./time";
import { parseInstant } from "./time";
import { forgetEventless } from "./event-index";

export const EVENT_TTL_MS = 60 * 60 * 1000;

/** The agenda's name for the next expiry (no control loop: the engine expires Events itself). */
export const EVENT_TTL = "event-ttl";

type Entry = readonly [expiresAt: number, key: string];

/** Entries sorted by `less` from `head` on (those before it are spent). */
interface Queue {
  entries: Entry[];
  head: number;
}

const queues = new WeakMap<Store, Queue>();

function expiryOf(event: { lastTimestamp?: unknown; metadata: { creationTimestamp?: string } }): number {
  return (parseInstant(String(event.lastTimestamp ?? event.metadata.creationTimestamp ?? "")) ?? 0) + EVENT_TTL_MS;
}

function queueFor(store: Store): Queue {
  let queue = queues.get(store);
  if (!queue) {
    const entries: Entry[] = [];
    for (const [key, held] of store.heldOfKind("Event")) {
      entries.push([held instanceof RawJson ? savedExpiry(key, held) ?? expiryOf(store.get(key) as any) : expiryOf(held as any), key]);
    }
    queue = { entries: entries.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0)), head: 0 };
    queues.set(store, queue);
  }
  return queue;
}

/** An Event's expiry read from its saved text without decoding it: the queue covers every event. */
function savedExpiry(key: string, raw: RawJson): number | undefined {
  const at = savedLastTimestamp(key, raw);
  const ms = at === undefined ? NaN : Date.parse(at);
  return Number.isNaN(ms) ? undefined : ms + EVENT_TTL_MS;
}

/** The recorder calls this for every Event it writes, with its lastTimestamp as an instant. */
export function trackEvent(store: Store, key: string, lastSeen: Instant): void {
  // A queue not built yet will find the Event in the store when it is.
  const queue = queues.get(store);
  if (queue) push(queue, [lastSeen + EVENT_TTL_MS, key]);
}

/** When the next Event may expire (it may have been seen again since), if there are any. */
export function nextEventExpiry(store: Store): number | undefined {
  const queue = queueFor(store);
  return queue.entries[queue.head]?.[0];
}

/** Deletes every Event last seen an hour or more before `now`. */
export function expireEvents(store: Store, now: Instant): void {
  const queue = queueFor(store);
  const { entries } = queue;
  while (queue.head < entries.length && entries[queue.head][0] <= now) {
    const [, key] = entries[queue.head++];
    const event = store.get(key);
    if (!event) continue;
    const expiresAt = expiryOf(event as any);
    if (expiresAt <= now) {
      store.remove(key);
      forgetEventless(store, key);
    } else push(queue, [expiresAt, key]); // seen again since: its hour starts over
  }
  // Spent entries go once they are most of the array (shifting each would cost its length).
  if (queue.head > 1024 && queue.head * 2 > entries.length) {
    queue.entries = entries.slice(queue.head);
    queue.head = 0;
  }
}

/** Adds an entry in its place: at the end, for an Event written at the simulated now. */
function push(queue: Queue, entry: Entry): void {
  const { entries } = queue;
  if (entries.length === queue.head || !less(entry, entries[entries.length - 1])) {
    entries.push(entry);
    return;
  }
  let lo = queue.head;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (less(entries[mid], entry)) lo = mid + 1;
    else hi = mid;
  }
  entries.splice(lo, 0, entry);
}

/** Total order: by expiry, then key, so runs repeat exactly. */
function less(a: Entry, b: Entry): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1];
}
