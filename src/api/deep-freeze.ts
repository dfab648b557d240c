// Values shared by many stored objects (a Pod's token volume projection, its default
// tolerations, a parsed script) are frozen: nothing writes into a stored object, and a frozen
// one cannot be written into by mistake.

/** Freezes a JSON value and everything in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
