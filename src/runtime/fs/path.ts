// Path arithmetic for the container filesystem: absolute, "/"-separated, no "." or "..".
// Paths inside a tree (TreeData) are relative to its root: "" is the root, "a/b" a child.

/**
 * The canonical absolute form of a path: "." and ".." resolved, repeated and trailing slashes
 * dropped. A relative path is taken from "/" (the shell resolves its working directory first).
 * @example normalizePath("/etc//nginx/../hosts/") === "/etc/hosts"
 */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

/** The components of a normalized absolute path ("/" has none). */
export function pathParts(path: string): string[] {
  return path === "/" ? [] : path.slice(1).split("/");
}

/** Whether `path` is `prefix` or lies under it, component-wise ("/data2" is not under "/data"). */
export function isUnder(path: string, prefix: string): boolean {
  return prefix === "/" || path === prefix || path.startsWith(prefix + "/");
}

/** `path` relative to `prefix` ("" when equal); the caller has checked isUnder. */
export function relativeTo(path: string, prefix: string): string {
  if (prefix === "/") return path.slice(1);
  return path === prefix ? "" : path.slice(prefix.length + 1);
}

/** Joins a tree-relative directory and a name ("" is the root). */
export function joinRel(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}

/** The tree-relative parent of a relative path ("a/b" → "a", "a" → ""). */
export function parentRel(rel: string): string {
  const i = rel.lastIndexOf("/");
  return i < 0 ? "" : rel.slice(0, i);
}
