// A container's filesystem as its processes see it: the root (image files under the writable
// layer) with volumes mounted over it, each path served by the mount with the longest
// mountPath that contains it — as the kernel's mount table does.

import { FsError } from "../types";
import type { FileSystem } from "../types";
import { isUnder, joinRel, normalizePath, parentRel, pathParts, relativeTo } from "./path";
import { OverlayView } from "./tree";
import type { TreeData } from "./tree";

/**
 * One mount of a container. The root layer has mountPath "/", `data` = the writable layer and
 * `lower` = the image's files; a volume mount has `data` = the volume's blob (shared by
 * reference: two containers mounting the same blob object see each other's writes).
 */
export interface Layer {
  mountPath: string;
  data: TreeData;
  /** Read-only content under `data` (overlay semantics); only the root layer has one. */
  lower?: TreeData;
  /** Writes, mkdir and remove give EROFS. */
  readOnly?: boolean;
  /**
   * A volumeMount's subPath: the mount shows this path of `data` (a directory, or a single
   * file bind-mounted at mountPath) instead of its root.
   */
  subPath?: string;
}

interface Mount {
  path: string;
  view: OverlayView;
  readOnly: boolean;
  /** Where the mount's root lies inside its data ("" for the whole tree). */
  root: string;
  /** A single file mounted at `path` (a subPath naming a file). */
  file: boolean;
}

/**
 * Builds the FileSystem over the given layers. It keeps no state of its own: every write goes
 * into a layer's `data` object, so the caller stores those objects and rebuilds at will.
 * Without a layer at "/", the root is an empty read-only directory.
 * @example
 * const fs = buildContainerFs([{ mountPath: "/", data: emptyTree(), lower: image },
 *                              { mountPath: "/cache", data: emptyDirBlob }]);
 * fs.write("/cache/a", "x");  // lands in emptyDirBlob.files["a"]
 */
export function buildContainerFs(layers: readonly Layer[]): FileSystem {
  const mounts: Mount[] = layers.map((l) => {
    const view = new OverlayView(l.data, l.lower);
    const root = l.subPath ? normalizePath(l.subPath).slice(1) : "";
    return { path: normalizePath(l.mountPath), view, readOnly: l.readOnly ?? false, root, file: root !== "" && view.kind(root) === "file" };
  });
  if (!mounts.some((m) => m.path === "/")) {
    mounts.push({ path: "/", view: new OverlayView({ files: {}, dirs: [] }), readOnly: true, root: "", file: false });
  }
  // Longest first, so the first containing mount is the one that serves a path; a later
  // layer at the same path hides an earlier one, as a second mount does.
  const ordered = mounts
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.path.length - a.m.path.length || b.i - a.i)
    .map((x) => x.m);

  // `inner` is the path below the mount point; `rel` the same path inside the mount's data.
  const resolve = (path: string) => {
    const abs = normalizePath(path);
    const mount = ordered.find((m) => isUnder(abs, m.path))!;
    const inner = relativeTo(abs, mount.path);
    return { abs, mount, inner, rel: inner === "" ? mount.root : joinRel(mount.root, inner) };
  };
  // Mount points, and the directories leading to them, exist whatever the layer below holds.
  const isMountAncestor = (abs: string) => ordered.some((m) => m.path !== abs && isUnder(m.path, abs));
  const isMountPoint = (abs: string) => ordered.some((m) => m.path === abs);

  const kind = (path: string): "file" | "dir" | undefined => {
    const { abs, mount, inner, rel } = resolve(path);
    if (inner === "" && mount.file) return "file";
    if (inner === "" || isMountAncestor(abs)) return "dir";
    return mount.view.kind(rel);
  };

  const requireParentDir = (abs: string) => {
    const parent = normalizePath(abs + "/..");
    const k = kind(parent);
    if (k === undefined) throw new FsError("ENOENT", abs);
    if (k === "file") throw new FsError("ENOTDIR", abs);
  };

  const fs: FileSystem = {
    read(path) {
      const { mount, inner, rel } = resolve(path);
      return inner === "" && !mount.file ? undefined : mount.view.file(rel);
    },

    write(path, content, append = false) {
      const { abs, mount, rel } = resolve(path);
      if (kind(abs) === "dir") throw new FsError("EISDIR", abs);
      requireParentDir(abs);
      if (mount.readOnly) throw new FsError("EROFS", abs);
      const before = append ? (mount.view.file(rel) ?? "") : "";
      mount.view.setFile(rel, before + content);
    },

    list(path) {
      const { abs, mount, rel } = resolve(path);
      if (kind(abs) !== "dir") return undefined;
      const names = mount.view.isDir(rel) ? mount.view.children(rel) : new Set<string>();
      const depth = pathParts(abs).length;
      for (const m of ordered) {
        if (m.path !== abs && isUnder(m.path, abs)) names.add(pathParts(m.path)[depth]);
      }
      return [...names].sort();
    },

    kind,

    mkdir(path, parents = false) {
      const abs = normalizePath(path);
      const existing = kind(abs);
      if (existing === "dir" && parents) return;
      if (existing !== undefined) throw new FsError("EEXIST", abs);
      if (parents) {
        const parts = pathParts(abs);
        for (let i = 1; i < parts.length; i++) {
          const p = "/" + parts.slice(0, i).join("/");
          if (kind(p) === undefined) fs.mkdir(p);
        }
      }
      requireParentDir(abs);
      const { mount, rel } = resolve(abs);
      if (mount.readOnly) throw new FsError("EROFS", abs);
      mount.view.addDir(rel);
    },

    remove(path, recursive = false) {
      const { abs, mount, rel } = resolve(path);
      const k = kind(abs);
      if (k === undefined) throw new FsError("ENOENT", abs);
      // A mount point cannot be removed (EBUSY in Linux, which the contract has no code for).
      if (isMountPoint(abs) || isMountAncestor(abs) || mount.readOnly) throw new FsError("EROFS", abs);
      if (k === "dir" && !recursive && mount.view.children(rel).size > 0) throw new FsError("ENOTEMPTY", abs);
      mount.view.delete(rel);
      // Removing the last entry of an implied directory must not remove the directory itself.
      const parent = parentRel(rel);
      if (parent !== "" && !mount.view.isDir(parent)) mount.view.addDir(parent);
    },
  };
  return fs;
}

