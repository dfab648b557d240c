// The state file's layout: JSON with one object, agenda item or runtime record per line, so a
// person can read and grep it, and a command can load it without decoding every line: objects
// and runtime records stay bytes (RawJson) until used, and are written back as those bytes. A
// file not in this exact layout (edited by hand, say) is still read, as plain JSON, only slower.

import { RawJson, encodeObject } from "../api/store/raw-json";
import { encodeRuntimeRecord } from "../sim/runtime-records";
import type { SavedState } from "../sim/state-shape";

/** The file's bytes, in pieces: unchanged records are the very bytes read, never re-encoded. */
export function serialize(state: SavedState): Buffer[] {
  const out = new Chunks();
  const map = (entries: Map<string, unknown>, encode: (v: unknown, key: string) => string | Buffer, last = false) => {
    if (entries.size === 0) return out.text(last ? "{}\n" : "{},\n");
    out.text("{\n");
    let n = 0;
    for (const [key, value] of entries) {
      out.text(`${JSON.stringify(key)}: `);
      out.add(encode(value, key));
      out.text(++n < entries.size ? ",\n" : "\n");
    }
    out.text(last ? "}\n" : "},\n");
  };
  const { agenda } = state;
  out.text(
    `{\n"schemaVersion": ${state.schemaVersion},\n"clock": ${JSON.stringify(state.clock)},\n"seed": ${state.seed},\n` +
      `"rngState": ${state.rngState},\n"resourceVersion": ${state.resourceVersion},\n"objects": `,
  );
  map(state.objects, encodeObject);
  out.text(`"agenda": ${agenda.length === 0 ? "[]" : `[\n${agenda.map((i) => JSON.stringify(i)).join(",\n")}\n]`},\n"runtime": `);
  map(state.runtime, encodeRuntimeRecord, true);
  out.text("}\n");
  return out.join();
}

/** Text and byte pieces: runs of text become one buffer. */
class Chunks {
  private readonly parts: Buffer[] = [];
  /** The run of text since the last byte piece, joined once: a rope of thousands of `+=` is slow to flatten. */
  private pending: string[] = [];

  text(s: string): void {
    this.pending.push(s);
  }

  add(piece: string | Buffer): void {
    if (typeof piece === "string") this.pending.push(piece);
    else {
      this.flush();
      this.parts.push(piece);
    }
  }

  join(): Buffer[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(Buffer.from(this.pending.join(""), "utf8"));
    this.pending = [];
  }
}

const FIELD = /^"([A-Za-z]+)": (.*?),?$/;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const COLON = 0x3a;
const SPACE = 0x20;

/**
 * The top-level fields of a file in serialize()'s layout, map entries left as bytes; undefined
 * when the bytes are not in that layout. Throws (SyntaxError) on a malformed single-line value.
 */
export function parseLayout(bytes: Buffer, corrupt: () => Error): Record<string, unknown> | undefined {
  // The current line is bytes[start, end), without its newline. Kept in two variables, not a
  // tuple per line, and found with the typed array's indexOf, not Buffer's (whose argument
  // checks allocate): a state file has a line per object and record, read once, interpreted.
  let pos = 0;
  let start = 0;
  let end = 0;
  const nextLine = (): boolean => {
    if (pos >= bytes.length) return false;
    const nl = indexOfByte(bytes, NEWLINE, pos);
    start = pos;
    end = nl < 0 ? bytes.length : nl;
    pos = end + 1;
    return true;
  };
  const text = (s: number, e: number) => bytes.toString("utf8", s, e);
  if (!nextLine() || text(start, end) !== "{") return undefined;
  const fields: Record<string, unknown> = {};
  for (;;) {
    if (!nextLine()) return undefined;
    const line = text(start, end);
    const m = FIELD.exec(line);
    if (!m) {
      if (line === "}") break;
      return undefined;
    }
    const name = m[1];
    const value = m[2];
    if (value !== "{" && value !== "[") {
      fields[name] = JSON.parse(value);
      continue;
    }
    const close = (value === "{" ? "}" : "]").charCodeAt(0);
    const entries: Map<string, unknown> | unknown[] = value === "{" ? new Map<string, unknown>() : [];
    for (;;) {
      if (!nextLine()) return undefined;
      const s = start;
      const e = bytes[end - 1] === 0x2c ? end - 1 : end; // a trailing comma
      if (e - s === 1 && bytes[s] === close) break;
      if (Array.isArray(entries)) {
        entries.push(JSON.parse(text(s, e)));
        continue;
      }
      // The key ends at the next quote, and `": {` follows it; a key with a quote or a backslash
      // in it was escaped: not this layout.
      const sep = bytes[s] === QUOTE ? indexOfByte(bytes, QUOTE, s + 1) : -1;
      if (sep < 0 || sep + 3 >= e || bytes[sep + 1] !== COLON || bytes[sep + 2] !== SPACE || bytes[sep + 3] !== 0x7b || bytes[e - 1] !== 0x7d) return undefined;
      const key = text(s + 1, sep);
      if (key.includes("\\")) return undefined;
      entries.set(key, new RawJson(bytes, corrupt, sep + 3, e));
    }
    fields[name] = entries;
  }
  while (pos < bytes.length) if (bytes[pos++] !== NEWLINE) return undefined;
  return fields;
}

/** The first index of `byte` in bytes from `from`, or -1. */
function indexOfByte(bytes: Uint8Array, byte: number, from: number): number {
  return Uint8Array.prototype.indexOf.call(bytes, byte, from);
}
