// The kubelets' runtime records by id, decoded on first read (see api/store/raw-json.ts).

import { RawJson } from "../api/store/raw-json";

export class RuntimeRecords extends Map<string, unknown> {
  override get(id: string): unknown {
    const value = super.get(id);
    if (!(value instanceof RawJson)) return value;
    const decoded = value.decode();
    super.set(id, decoded);
    return decoded;
  }

  override forEach(fn: (value: unknown, id: string, map: Map<string, unknown>) => void): void {
    for (const id of this.keys()) fn(this.get(id), id, this);
  }

  override *entries(): MapIterator<[string, unknown]> {
    for (const id of this.keys()) yield [id, this.get(id)];
  }

  override *values(): MapIterator<unknown> {
    for (const id of this.keys()) yield this.get(id);
  }

  override [Symbol.iterator](): MapIterator<[string, unknown]> {
    return this.entries();
  }

  /** Every record as it is held, text or decoded, sorted by id: for saving. */
  held(): [string, unknown][] {
    return [...super.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
