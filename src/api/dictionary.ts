// Objects used as dictionaries keyed by names that are new every time: pod uids (a node's
// record of its pods), the random names of kube-api-access volumes. V8 gives a plain object a
// hidden class for each set of keys it holds, so ever-new keys made a class never seen before
// for each such object, and every function that read one met a new shape (its optimized code
// thrown away when it did). An object that has had a property deleted is a hash table, and
// shares its class with all the others: a dictionary starts as two placeholders deleted. It
// is still an Object (a null prototype would be faster to make, but would tell a loaded state
// from the one it was saved from), and JSON, for...in and Object.entries read it as any.

export type Dictionary<T> = Record<string, T>;

/** A new dictionary holding `entries`. */
export function dictionary<T>(entries: Iterable<readonly [string, T]> = []): Dictionary<T> {
  const d: Record<string, unknown> = { _a: 0, _b: 0 };
  delete d._a;
  delete d._b;
  for (const [key, value] of entries) d[key] = value;
  return d as Dictionary<T>;
}

/** A copy of `d` with `key` set to `value`. */
export function withEntry<T>(d: Readonly<Dictionary<T>>, key: string, value: T): Dictionary<T> {
  const out = dictionary<T>();
  for (const k in d) out[k] = d[k];
  out[key] = value;
  return out;
}

/** A copy of `d` without the keys `drop` picks. */
export function withoutKeys<T>(d: Readonly<Dictionary<T>>, drop: (key: string) => boolean): Dictionary<T> {
  const out = dictionary<T>();
  for (const k in d) if (!drop(k)) out[k] = d[k];
  return out;
}
