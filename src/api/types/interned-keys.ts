// Store keys ("Kind/namespace/name"), pairs ("Kind/namespace", "namespace/name") and runtime
// record ids ("node:NAME"), made once for each set of parts and handed out again. A key built
// afresh for every lookup is a new string that the map must flatten and hash before it can look
// (about 0.3 µs at a map of a thousand objects; the same lookup with a key already hashed takes
// a tenth of that), and the engine looks objects up by key many times for each write. The parts
// come from stored objects, whose strings keep their hashes, so finding the made key costs little.

/** Made keys kept at most, across all parts: a long run names new Events and pods for ever. */
const LIMIT = 1 << 16;

const objectKeys = new Map<string, Map<string, Map<string, string>>>();
const pairKeys = new Map<string, Map<string, string>>();
const prefixedKeys = new Map<string, Map<string, string>>();
let made = 0;

/** `${kind}/${namespace}/${name}`. */
export function objectKey(kind: string, namespace: string, name: string): string {
  // An Event's name is new for every Event (<object>.<nanoseconds>): keeping its key would only fill the maps.
  if (kind === "Event") return `${kind}/${namespace}/${name}`;
  let byNamespace = objectKeys.get(kind);
  if (byNamespace === undefined) objectKeys.set(kind, (byNamespace = new Map()));
  let byName = byNamespace.get(namespace);
  if (byName === undefined) byNamespace.set(namespace, (byName = new Map()));
  let key = byName.get(name);
  if (key === undefined) {
    key = `${kind}/${namespace}/${name}`;
    if (++made > LIMIT) forgetAll();
    else byName.set(name, key);
  }
  return key;
}

/** `${first}/${second}`: the store's list of a kind in a namespace, the recorder's Events of an object. */
export function pairKey(first: string, second: string): string {
  return joined(pairKeys, first, "/", second);
}

/** `${prefix}${name}`: a runtime record's id, such as a node's (`node:kubesim-worker`). */
export function prefixedKey(prefix: string, name: string): string {
  return joined(prefixedKeys, prefix, "", name);
}

/** `${first}${separator}${second}`, made once per pair and kept in `keys` (one separator per map). */
function joined(keys: Map<string, Map<string, string>>, first: string, separator: string, second: string): string {
  let bySecond = keys.get(first);
  if (bySecond === undefined) keys.set(first, (bySecond = new Map()));
  let key = bySecond.get(second);
  if (key === undefined) {
    key = first + separator + second;
    if (++made > LIMIT) forgetAll();
    else bySecond.set(second, key);
  }
  return key;
}

function forgetAll(): void {
  objectKeys.clear();
  pairKeys.clear();
  prefixedKeys.clear();
  made = 0;
}
