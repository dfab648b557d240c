// Events live for an hour after they were last seen, as with kube-apiserver's --event-ttl=1h
// (etcd leases expire them). A min-heap of expiry instants per store, built by one scan of the
// Events' saved text only when an expiry is due (the engine keeps the next one on the agenda),
// then kept up by the recorder, so Events cost nothing while none expires.

import type { Store } from "../api/store/store";
import { RawJson } from "../api/store/raw-json";
import { savedLastTimestamp } from "../api/store/event-encoding";
import type { Instant } from "./time";

export const EVENT_TTL_MS = 60 * 60 * 1000;

/** The agenda's name for the next expiry (no control loop: the engine expires Events itself). */
export const EVENT_TTL = "event-ttl";

type Entry = readonly [expiresAt: number, key: string];

const heaps = new WeakMap<Store, Entry[]>();

function expiryOf(event: { lastTimestamp?: unknown; metadata: { creationTimestamp?: string } }): number {
  const last = Date.parse(String(event.lastTimestamp ?? event.metadata.creationTimestamp ?? ""));
  return (Number.isNaN(last) ? 0 : last) + EVENT_TTL_MS;
}

function heapFor(store: Store): Entry[] {
  let heap = heaps.get(store);
  if (!heap) {
    heap = [];
    for (const [key, held] of store.heldOfKind("Event")) {
      push(heap, [held instanceof RawJson ? savedExpiry(key, held) ?? expiryOf(store.get(key) as any) : expiryOf(held as any), key]);
    }
    heaps.set(store, heap);
  }
  return heap;
}

/** An Event's expiry read from its saved text without decoding it: the heap covers every event. */
function savedExpiry(key: string, raw: RawJson): number | undefined {
  const at = savedLastTimestamp(key, raw);
  const ms = at === undefined ? NaN : Date.parse(at);
  return Number.isNaN(ms) ? undefined : ms + EVENT_TTL_MS;
}

/** The recorder calls this for every Event it writes. */
export function trackEvent(store: Store, key: string, lastTimestamp: string): void {
  // A heap not built yet will find the Event in the store when it is.
  const heap = heaps.get(store);
  if (heap) push(heap, [Date.parse(lastTimestamp) + EVENT_TTL_MS, key]);
}

/** When the next Event may expire (it may have been seen again since), if there are any. */
export function nextEventExpiry(store: Store): number | undefined {
  return heapFor(store)[0]?.[0];
}

/** Deletes every Event last seen an hour or more before `now`. */
export function expireEvents(store: Store, now: Instant): void {
  const heap = heapFor(store);
  while (heap.length > 0 && heap[0][0] <= now) {
    const [, key] = pop(heap);
    const event = store.get(key);
    if (!event) continue;
    const expiresAt = expiryOf(event as any);
    if (expiresAt <= now) store.remove(key);
    else push(heap, [expiresAt, key]); // seen again since: its hour starts over
  }
}

function push(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (less(heap[parent], heap[i])) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function pop(heap: Entry[]): Entry {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }
  return top;
}

/** Total order: by expiry, then key, so runs repeat exactly. */
function less(a: Entry, b: Entry): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1];
}
