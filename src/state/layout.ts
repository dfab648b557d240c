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
  private pending = "";

  text(s: string): void {
    this.pending += s;
  }

  add(piece: string | Buffer): void {
    if (typeof piece === "string") this.pending += piece;
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
    if (this.pending === "") return;
    this.parts.push(Buffer.from(this.pending, "utf8"));
    this.pending = "";
  }
}

const FIELD = /^"([A-Za-z]+)": (.*?),?$/;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * The top-level fields of a file in serialize()'s layout, map entries left as bytes; undefined
 * when the bytes are not in that layout. Throws (SyntaxError) on a malformed single-line value.
 */
export function parseLayout(bytes: Buffer, corrupt: () => Error): Record<string, unknown> | undefined {
  let pos = 0;
  /** The next line's [start, end), without its newline; undefined at the end of the bytes. */
  const nextLine = (): [number, number] | undefined => {
    if (pos >= bytes.length) return undefined;
    const nl = bytes.indexOf(NEWLINE, pos);
    const end = nl < 0 ? bytes.length : nl;
    const line: [number, number] = [pos, end];
    pos = end + 1;
    return line;
  };
  const text = ([s, e]: [number, number]) => bytes.toString("utf8", s, e);
  const first = nextLine();
  if (!first || text(first) !== "{") return undefined;
  const fields: Record<string, unknown> = {};
  for (;;) {
    const line = nextLine();
    if (!line) return undefined;
    const m = FIELD.exec(text(line));
    if (!m) {
      if (text(line) === "}") break;
      return undefined;
    }
    const [, name, value] = m;
    if (value !== "{" && value !== "[") {
      fields[name] = JSON.parse(value);
      continue;
    }
    const close = value === "{" ? "}" : "]";
    const entries: Map<string, unknown> | unknown[] = value === "{" ? new Map<string, unknown>() : [];
    for (;;) {
      const entry = nextLine();
      if (!entry) return undefined;
      const [s, lineEnd] = entry;
      const e = bytes[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd; // a trailing comma
      if (e - s === 1 && bytes[s] === close.charCodeAt(0)) break;
      if (Array.isArray(entries)) {
        entries.push(JSON.parse(text([s, e])));
        continue;
      }
      const sep = bytes.indexOf('": ', s);
      if (bytes[s] !== QUOTE || sep < 0 || sep + 3 >= e || bytes[sep + 3] !== 0x7b || bytes[e - 1] !== 0x7d) return undefined;
      const key = bytes.toString("utf8", s + 1, sep);
      if (key.includes("\\") || key.includes('"')) return undefined; // an escaped key: not this layout
      entries.set(key, new RawJson(bytes, corrupt, sep + 3, e));
    }
    fields[name] = entries;
  }
  while (pos < bytes.length) if (bytes[pos++] !== NEWLINE) return undefined;
  return fields;
}
