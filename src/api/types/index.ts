export type * from "./meta";
export { keyOf, refOf, parseKey } from "./meta";
export { objectKey, pairKey, prefixedKey } from "./interned-keys";
