export type * from "./meta";
export { keyOf, refOf, parseKey } from "./meta";
export { namespaceKey, objectKey, prefixedKey } from "./interned-keys";
