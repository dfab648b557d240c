// The text of a manifest's bytes, as kubectl's FileVisitor reads files and standard input
// (cli-runtime/pkg/resource/visitor.go): through unicode.BOMOverride(unicode.UTF8.NewDecoder()),
// so a UTF-16 byte order mark switches to UTF-16 of that order, a UTF-8 one is dropped, and
// anything else is UTF-8 with each invalid byte read as U+FFFD. UTF-16 without a mark stays
// UTF-8, and its NUL bytes then fail as control characters, as they do with kubectl.

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, mark: readonly number[]) => mark.every((b, i) => bytes[i] === b);

/** @example decodeManifestBytes(Buffer.from([0xff, 0xfe, 0x61, 0x00])) // "a" */
export function decodeManifestBytes(bytes: Buffer): string {
  // ignoreBOM: the mark is cut off here; TextDecoder would drop a second one too, BOMOverride does not.
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
  if (startsWith(bytes, UTF16BE_BOM)) return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
  if (startsWith(bytes, UTF8_BOM)) return bytes.toString("utf8", 3);
  return bytes.toString("utf8");
}
