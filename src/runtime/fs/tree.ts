// One directory tree as plain JSON data, and the overlay view a mount gives of it: an optional
// read-only lower tree (the image) under the tree written to (the writable layer), with
// whiteouts hiding lower entries that were removed — overlayfs' model, kept as data so the
// state file can hold it.

import { joinRel } from "./path";

/**
 * The content of one tree: files by path relative to the tree's root, and explicit directories
 * (a file's parent directories exist implicitly). Mutated in place by the filesystem that
 * writes to it, so two filesystems over the same object see each other's writes.
 */
export interface TreeData {
  files: Record<string, string>;
  dirs: string[];
  /** File modes (e.g. 0o644 = 420) by path, as volume projection records them. */
  modes?: Record<string, number>;
  /** Lower-tree paths removed through this tree (only used when a lower tree is present). */
  whiteouts?: string[];
}

/** An empty tree, e.g. a new emptyDir or a container's new writable layer. */
export function emptyTree(): TreeData {
  return { files: {}, dirs: [] };
}

/** Whether a tree holds `rel` as a directory, explicitly or as the parent of an entry. */
function treeHasDir(tree: TreeData, rel: string): boolean {
  if (rel === "") return true;
  if (tree.dirs.includes(rel)) return true;
  const prefix = rel + "/";
  return Object.keys(tree.files).some((k) => k.startsWith(prefix)) || tree.dirs.some((d) => d.startsWith(prefix));
}

/** Every path a tree holds: files, explicit directories and implied parents. */
function treePaths(tree: TreeData): Set<string> {
  const out = new Set<string>();
  for (const p of [...Object.keys(tree.files), ...tree.dirs]) {
    const parts = p.split("/");
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join("/"));
  }
  return out;
}

/** The merged view of an upper tree over an optional lower one. Never mutates `lower`. */
export class OverlayView {
  readonly upper: TreeData;
  readonly lower?: TreeData;

  constructor(upper: TreeData, lower?: TreeData) {
    this.upper = upper;
    this.lower = lower;
  }

  private hidden(rel: string): boolean {
    return this.upper.whiteouts?.includes(rel) ?? false;
  }

  file(rel: string): string | undefined {
    if (rel in this.upper.files) return this.upper.files[rel];
    if (this.lower && !this.hidden(rel) && rel in this.lower.files) return this.lower.files[rel];
    return undefined;
  }

  isDir(rel: string): boolean {
    if (rel in this.upper.files) return false;
    if (treeHasDir(this.upper, rel)) return true;
    return !!this.lower && !this.hidden(rel) && !(rel in this.lower.files) && treeHasDir(this.lower, rel);
  }

  kind(rel: string): "file" | "dir" | undefined {
    if (this.file(rel) !== undefined) return "file";
    return this.isDir(rel) ? "dir" : undefined;
  }

  /** Names directly inside directory `rel`, unsorted. */
  children(rel: string): Set<string> {
    const names = new Set<string>();
    const prefix = rel === "" ? "" : rel + "/";
    const collect = (paths: Iterable<string>, isLower: boolean) => {
      for (const p of paths) {
        if (!p.startsWith(prefix) || p === rel) continue;
        const name = p.slice(prefix.length).split("/")[0];
        if (isLower && this.hidden(joinRel(rel, name))) continue;
        names.add(name);
      }
    };
    collect(treePaths(this.upper), false);
    if (this.lower) collect(treePaths(this.lower), true);
    return names;
  }

  setFile(rel: string, content: string): void {
    this.unhide(rel);
    this.upper.files[rel] = content;
  }

  addDir(rel: string): void {
    this.unhide(rel);
    if (!this.upper.dirs.includes(rel)) this.upper.dirs.push(rel);
  }

  /** Deletes `rel` and everything under it, whiting out what the lower tree holds there. */
  delete(rel: string): void {
    const under = (p: string) => p === rel || p.startsWith(rel + "/");
    for (const k of Object.keys(this.upper.files)) if (under(k)) delete this.upper.files[k];
    this.upper.dirs = this.upper.dirs.filter((d) => !under(d));
    if (this.upper.modes) for (const k of Object.keys(this.upper.modes)) if (under(k)) delete this.upper.modes[k];
    if (!this.lower) return;
    const hide = [...treePaths(this.lower)].filter(under).filter((p) => !this.hidden(p));
    if (hide.length > 0) this.upper.whiteouts = [...(this.upper.whiteouts ?? []), ...hide];
  }

  private unhide(rel: string): void {
    if (this.hidden(rel)) this.upper.whiteouts = this.upper.whiteouts!.filter((w) => w !== rel);
  }
}
