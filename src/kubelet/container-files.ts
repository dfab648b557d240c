// `kubectl cp` in the container runtime. kubectl runs `tar cf - PATH` (copy out) or
// `tar -xmf - -C DIR` (copy in) through exec; kubesim does busybox tar's work on the container's
// filesystem directly and answers with tar's messages and exit status. Writes to the writable
// layer and the pod's volumes are returned as runtime writes for the caller to store.

import type { ClusterView } from "../api/store/view";
import type { KubeObject } from "../api/types";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import type { FileSystem } from "../runtime/types";
import { FsError } from "../runtime/types";
import { normalizePath } from "../runtime/fs";
import { openContainer } from "./open-container";

/** One member of the archive: `name` is relative to the copied path ("" is the path itself). */
export interface TarEntry {
  readonly name: string;
  readonly kind: "file" | "dir";
  readonly content?: string;
}

export interface TarResult {
  /** What tar wrote to stderr, line by line, without newlines. */
  readonly stderr: string[];
  /** tar's exit status (0: success). */
  readonly exitCode: number;
  /** The error kubectl prints when there is no running container to exec into. */
  readonly error?: string;
}

export interface TarCreateResult extends TarResult {
  readonly entries: TarEntry[];
}

export interface TarExtractResult extends TarResult {
  readonly runtime: RuntimeWrite[];
}

interface Opened {
  fs: FileSystem;
  save: () => RuntimeWrite[];
}

function open(view: ClusterView, pod: KubeObject, container: string, now: Instant): Opened | string {
  const opened = openContainer(view, pod, container, now);
  return "error" in opened ? opened.error : { fs: opened.host.fs, save: () => opened.save() };
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EROFS: "Read-only file system",
  ENOTEMPTY: "Directory not empty",
};

/**
 * `tar cf - PATH` in the container: the file or directory tree at `path` (relative paths are
 * taken from "/"), with busybox tar's notice when it strips a leading "/".
 * @example tarCreate(view, pod, "app", "/tmp/note", now) // { entries: [{ name: "", kind: "file", content: "saved\n" }], stderr: ["tar: removing leading '/' from member names"], exitCode: 0 }
 */
export function tarCreate(view: ClusterView, pod: KubeObject, container: string, path: string, now: Instant): TarCreateResult {
  const opened = open(view, pod, container, now);
  if (typeof opened === "string") return { entries: [], stderr: [], exitCode: 1, error: opened };
  const { fs } = opened;
  const abs = normalizePath(path);
  if (fs.kind(abs) === undefined) return { entries: [], stderr: [`tar: ${path}: No such file or directory`], exitCode: 1 };
  const stderr = path.startsWith("/") ? ["tar: removing leading '/' from member names"] : [];
  const entries: TarEntry[] = [];
  const walk = (p: string, name: string): void => {
    if (fs.kind(p) === "dir") {
      entries.push({ name, kind: "dir" });
      for (const child of fs.list(p) ?? []) walk(p === "/" ? `/${child}` : `${p}/${child}`, name === "" ? child : `${name}/${child}`);
    } else {
      entries.push({ name, kind: "file", content: fs.read(p) ?? "" });
    }
  };
  walk(abs, "");
  return { entries, stderr, exitCode: 0 };
}

/** Whether `path` is a directory in the container (kubectl's `test -d PATH`); false without a running container. */
export function isContainerDir(view: ClusterView, pod: KubeObject, container: string, path: string, now: Instant): boolean {
  const opened = open(view, pod, container, now);
  return typeof opened !== "string" && opened.fs.kind(normalizePath(path)) === "dir";
}

/**
 * `tar -xmf - -C DIR` in the container: writes `entries` under `dir/base` (an entry's name is
 * relative to `base`), creating leading directories as tar does.
 * @example tarExtract(view, pod, "app", "/tmp", "conf", [{ name: "", kind: "file", content: "x" }], now).runtime // the record with /tmp/conf
 */
export function tarExtract(view: ClusterView, pod: KubeObject, container: string, dir: string, base: string, entries: readonly TarEntry[], now: Instant): TarExtractResult {
  const opened = open(view, pod, container, now);
  if (typeof opened === "string") return { runtime: [], stderr: [], exitCode: 1, error: opened };
  const { fs } = opened;
  const root = normalizePath(dir);
  if (fs.kind(root) !== "dir") {
    const why = fs.kind(root) === undefined ? ERRNO_TEXT.ENOENT : ERRNO_TEXT.ENOTDIR;
    return { runtime: [], stderr: [`tar: can't change directory to '${dir}': ${why}`], exitCode: 1 };
  }
  const stderr: string[] = [];
  for (const entry of entries) {
    const member = entry.name === "" ? base : `${base}/${entry.name}`;
    const target = normalizePath(`${root}/${member}`);
    try {
      const parent = target.slice(0, target.lastIndexOf("/")) || "/";
      if (fs.kind(parent) !== "dir") fs.mkdir(parent, true);
      if (entry.kind === "dir") {
        if (fs.kind(target) !== "dir") fs.mkdir(target, true);
      } else {
        if (fs.kind(target) === "dir") fs.remove(target, true);
        fs.write(target, entry.content ?? "");
      }
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
      stderr.push(`tar: can't open '${member}': ${ERRNO_TEXT[err.code] ?? err.code}`);
    }
  }
  return { runtime: opened.save(), stderr, exitCode: stderr.length > 0 ? 1 : 0 };
}
