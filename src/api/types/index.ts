export type * from "./meta";
export { keyOf, refOf, parseKey } from "./meta";
