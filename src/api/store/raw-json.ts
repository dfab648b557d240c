// A stored value still in the bytes it was saved as. Loading a state keeps objects and runtime
// records this way and decodes each on first use, so a command pays only for what it reads;
// one never decoded is written back as the very bytes it was read from.

import type { KubeObject, ObjectKey } from "../types";
import { expandEvent, isShortEvent, shortEvent } from "./event-encoding";

export class RawJson {
  /** The value's UTF-8 JSON, a view into the file's bytes. */
  readonly bytes: Buffer;
  /** Builds the error for bytes that do not decode (a hand-edited or damaged state file). */
  private readonly corrupt: () => Error;

  constructor(bytes: Buffer, corrupt: () => Error) {
    this.bytes = bytes;
    this.corrupt = corrupt;
  }

  decode(): unknown {
    try {
      return JSON.parse(this.bytes.toString("utf8"));
    } catch {
      throw this.corrupt();
    }
  }

  /** Whether the JSON text contains `text` (a cheap test before decoding). */
  includes(text: string): boolean {
    return this.bytes.includes(text);
  }

  /** The string value of the first `"field":"…"` in the text, if there is one. */
  stringField(field: string): string | undefined {
    const marker = `"${field}":"`;
    const at = this.bytes.indexOf(marker);
    if (at < 0) return undefined;
    const from = at + Buffer.byteLength(marker);
    const end = this.bytes.indexOf(0x22, from);
    return end < 0 ? undefined : this.bytes.toString("utf8", from, end);
  }
}

/** The bytes each decoded object was read from: stored objects are never mutated, so they stay true. */
const savedBytes = new WeakMap<object, Buffer>();

/** The object stored under `key` from its saved bytes (an Event may be in its short form). */
export function decodeObject(raw: RawJson, key: ObjectKey): unknown {
  const value = fromSaved(key, raw.decode());
  if (value && typeof value === "object") savedBytes.set(value, raw.bytes);
  return value;
}

/** The object a saved value stands for: a short Event expanded, anything else as it is. */
export function fromSaved(key: ObjectKey, value: unknown): unknown {
  return key.startsWith("Event/") && value && typeof value === "object" && isShortEvent(value as Record<string, unknown>)
    ? expandEvent(key, value as Record<string, unknown>)
    : value;
}

/** Whatever `value` was loaded from no longer describes it (it is being stored anew). */
export function forgetEncoding(value: object): void {
  savedBytes.delete(value);
}

/** A stored object's JSON: the bytes it was loaded from when it has not changed since. */
export function encodeObject(value: unknown, key: ObjectKey): string | Buffer {
  if (value instanceof RawJson) return value.bytes;
  const saved = value && typeof value === "object" ? savedBytes.get(value) : undefined;
  if (saved) return saved;
  const short = key.startsWith("Event/") ? shortEvent(key, value as KubeObject) : undefined;
  return JSON.stringify(short ?? value);
}

/** A runtime record's JSON (records may change in place, so only undecoded bytes are reused). */
export function encodeRecord(value: unknown): string | Buffer {
  return value instanceof RawJson ? value.bytes : JSON.stringify(value);
}
