// Go's base64.StdEncoding.Decode error for a []byte field (Secret data), as encoding/json
// reports it: "illegal base64 data at input byte N". A port of decodeQuantum
// (encoding/base64/base64.go): CR and LF are skipped, padding is required.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The decode error for s, or undefined when s is valid padded standard base64. */
export function goBase64Error(s: string): string | undefined {
  const src = Buffer.from(s, "utf8");
  const at = (n: number) => `illegal base64 data at input byte ${n}`;
  const isNewline = (c: number) => c === 0x0a || c === 0x0d;
  let si = 0;
  while (si < src.length) {
    // One quantum: up to four alphabet characters, or fewer followed by padding.
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return at(si - j);
      }
      const c = src[si++];
      if (c < 0x80 && ALPHABET.includes(String.fromCharCode(c))) continue;
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d /* = */ || j < 2) return at(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return at(src.length);
        if (src[si] !== 0x3d) return at(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? at(si) : undefined;
    }
  }
  return undefined;
}
