// A stored value still in the bytes it was saved as. Loading a state keeps objects and runtime
// records this way and decodes each on first use, so a command pays only for what it reads;
// one never decoded is written back as the very bytes it was read from.

import type { KubeObject, ObjectKey } from "../types";
import { expandEvent, isShortEvent, shortEvent } from "./event-encoding";
import { expandPod, isShortPod, shortPod } from "./pod-encoding";

export class RawJson {
  /** The bytes the value is part of (the whole file, when loaded), and where in them it is. */
  private readonly source: Buffer;
  private readonly start: number;
  private readonly end: number;
  /** Builds the error for bytes that do not decode (a hand-edited or damaged state file). */
  private readonly corrupt: () => Error;

  /** The value is source[start, end): a file's records are offsets into it, not Buffer views each (they cost a microsecond apiece). */
  constructor(source: Buffer, corrupt: () => Error, start = 0, end = source.length) {
    this.source = source;
    this.corrupt = corrupt;
    this.start = start;
    this.end = end;
  }

  /** The value's UTF-8 JSON, a view into the file's bytes. */
  get bytes(): Buffer {
    return this.source.subarray(this.start, this.end);
  }

  decode(): unknown {
    try {
      return JSON.parse(this.source.toString("utf8", this.start, this.end));
    } catch {
      throw this.corrupt();
    }
  }

  /** Whether the JSON text contains `text` (a cheap test before decoding); bytes spare encoding it at each call. */
  includes(text: string | Buffer): boolean {
    return this.bytes.includes(text);
  }

  /** The string value of the first `"field":"…"` in the text, if there is one. */
  stringField(field: string): string | undefined {
    const bytes = this.bytes;
    const marker = `"${field}":"`;
    const at = bytes.indexOf(marker);
    if (at < 0) return undefined;
    const from = at + Buffer.byteLength(marker);
    const end = bytes.indexOf(0x22, from);
    return end < 0 ? undefined : bytes.toString("utf8", from, end);
  }
}

/** What each decoded object was read from: stored objects are never mutated, so it stays true. */
const savedBytes = new WeakMap<object, RawJson>();

/** The object stored under `key` from its saved bytes (an Event may be in its short form). */
export function decodeObject(raw: RawJson, key: ObjectKey): unknown {
  const value = fromSaved(key, raw.decode());
  if (value && typeof value === "object") savedBytes.set(value, raw);
  return value;
}

/** The object a saved value stands for: a short Pod or Event expanded, anything else as it is. */
export function fromSaved(key: ObjectKey, value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const saved = value as Record<string, unknown>;
  if (key.startsWith("Pod/")) return isShortPod(saved) ? expandPod(key, saved) : value;
  if (key.startsWith("Event/")) return isShortEvent(saved) ? expandEvent(key, saved) : value;
  return value;
}

/**
 * New Events as the recorder makes them (sim/recorder.ts): in the very shape, field for field,
 * that expandEvent writes, so their short form is saved without expanding it to check.
 */
const recorderShaped = new WeakSet<object>();

/** Marks an Event just stored by the recorder; storing it again (put) takes the mark away. */
export function markRecorderShaped(event: object): void {
  recorderShaped.add(event);
}

/** Whether an Event is saved in its short form without the check (markRecorderShaped). */
export const isRecorderShaped = (event: object): boolean => recorderShaped.has(event);

/** Whatever `value` was loaded from no longer describes it (it is being stored anew). */
export function forgetEncoding(value: object): void {
  savedBytes.delete(value);
  recorderShaped.delete(value);
}

/** A stored object's JSON: the bytes it was loaded from when it has not changed since. */
export function encodeObject(value: unknown, key: ObjectKey): string | Buffer {
  if (value instanceof RawJson) return value.bytes;
  const saved = value && typeof value === "object" ? savedBytes.get(value) : undefined;
  if (saved) return saved.bytes;
  const short = key.startsWith("Pod/") ? shortPod(key, value as KubeObject) : key.startsWith("Event/") ? shortEvent(key, value as KubeObject, isRecorderShaped(value as object)) : undefined;
  return JSON.stringify(short ?? value);
}
