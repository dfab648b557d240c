// The kubelets' runtime records by id, decoded on first read (see api/store/raw-json.ts). A pod's
// record may be saved in its short form (kubelet/record-encoding.ts), expanded on read. The codec
// needs the image catalog, so it is loaded with the engine (cluster.ts loadEngine), as only the
// control loops and the verbs that run them read pod records: `get` and `describe` never do.

import { RawJson } from "../api/store/raw-json";
import { isShortRecord } from "../kubelet/record-marker";

let codec: typeof import("../kubelet/record-encoding") | undefined;

/** Loads the short form's codec (kubelet/record-encoding.ts). */
export async function loadRecordCodec(): Promise<void> {
  codec ??= await import("../kubelet/record-encoding");
}

export class RuntimeRecords extends Map<string, unknown> {
  override get(id: string): unknown {
    const value = super.get(id);
    if (!(value instanceof RawJson) && !isShortRecord(value)) return value;
    const saved = value instanceof RawJson ? value.decode() : value;
    if (!isShortRecord(saved)) {
      super.set(id, saved);
      return saved;
    }
    if (!codec) throw new Error(`internal: runtime record ${id} is in its short form, and the codec to read it was not loaded`);
    const decoded = codec.expandRecord(id, saved);
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

/**
 * A runtime record's saved JSON: the bytes it was read from while never decoded (records may
 * change in place, so decoded ones are encoded anew), a pod's record in its short form when it
 * has one. Without the codec a record is saved as it is held (a full record, or a short one
 * never read).
 */
export function encodeRuntimeRecord(value: unknown, id: string): string | Buffer {
  if (value instanceof RawJson) return value.bytes;
  return JSON.stringify(codec?.shortRecord(id, value) ?? value);
}
