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
  private readonly seen = new Set<string>();

  constructor(items: readonly AgendaItem[] = []) {
    for (const i of items) this.add(i);
  }

  add(item: AgendaItem): void {
    const id = `${item.due}|${item.component}|${item.key}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.items[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
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
    const due = this.items.splice(0, n);
    for (const i of due) this.seen.delete(`${i.due}|${i.component}|${i.key}`);
    return due;
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
