// The agenda: when each component next needs to run for a key. A sorted list with a total,
// stable order (due, then component, then key), so runs repeat exactly.

import type { Instant } from "./time";

export interface AgendaItem {
  readonly due: Instant;
  readonly component: string;
  readonly key: string;
}

export class Agenda {
  private items: AgendaItem[] = [];

  constructor(items: readonly AgendaItem[] = []) {
    for (const i of items) this.add(i);
  }

  /** Puts the item in its place, unless the same item is there already (it would sit just before). */
  add(item: AgendaItem): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.items[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && compare(this.items[lo - 1], item) === 0) return;
    this.items.splice(lo, 0, item);
  }

  /** The earliest due instant, if any; `ignoring` leaves out one component's items. */
  nextDue(ignoring?: string): Instant | undefined {
    return ignoring === undefined ? this.items[0]?.due : this.items.find((i) => i.component !== ignoring)?.due;
  }

  /** Removes and returns every item due at or before `now`. */
  popDue(now: Instant): AgendaItem[] {
    let n = 0;
    while (n < this.items.length && this.items[n].due <= now) n++;
    return this.items.splice(0, n);
  }

  get size(): number {
    return this.items.length;
  }

  toJSON(): AgendaItem[] {
    return this.items;
  }
}

function compare(a: AgendaItem, b: AgendaItem): number {
  if (a.due !== b.due) return a.due - b.due;
  if (a.component !== b.component) return a.component < b.component ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
