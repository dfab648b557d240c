// A YAML "billion laughs": nine levels of nine aliases, 9^9 strings once expanded. Decoders
// must refuse it rather than build it (kubectl's yaml library caps alias expansion).

export const ALIAS_BOMB =
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  "bcdefghi"
    .split("")
    .map((c) => `${c}: &${c} [${Array(9).fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`).join(",")}]`)
    .join("\n") +
  "\n";
