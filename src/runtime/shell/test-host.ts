// A small in-memory FileSystem and Network implementing the runtime contract, for the
// interpreter's tests (and usable by other modules' tests).

import { FsError } from "../types";
import type { FileSystem, Network, ProcessHost } from "../types";
import { runToCompletion } from "./process";
import type { CompletedRun } from "./process";

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf("/")) || "/";

export class MemoryFs implements FileSystem {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(["/"]);
  /** Paths under which every write fails with EROFS (like a configMap volume). */
  readonly readOnly: string[];

  constructor(files: Record<string, string> = {}, readOnly: string[] = []) {
    this.readOnly = readOnly;
    for (const [path, content] of Object.entries(files)) {
      this.mkdirAll(parentOf(path));
      this.files.set(path, content);
    }
  }

  private mkdirAll(path: string): void {
    if (path === "/" || this.dirs.has(path)) return;
    this.mkdirAll(parentOf(path));
    this.dirs.add(path);
  }

  private checkWritable(path: string): void {
    if (this.readOnly.some((r) => path === r || path.startsWith(`${r}/`))) throw new FsError("EROFS", path);
  }

  private checkParent(path: string): void {
    const parent = parentOf(path);
    if (this.files.has(parent)) throw new FsError("ENOTDIR", path);
    if (!this.dirs.has(parent)) throw new FsError("ENOENT", path);
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  write(path: string, content: string, append = false): void {
    if (this.dirs.has(path)) throw new FsError("EISDIR", path);
    this.checkParent(path);
    this.checkWritable(path);
    this.files.set(path, append ? (this.files.get(path) ?? "") + content : content);
  }

  list(path: string): string[] | undefined {
    if (!this.dirs.has(path)) return undefined;
    const prefix = path === "/" ? "/" : `${path}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes("/")) names.add(p.slice(prefix.length));
    }
    return [...names].sort();
  }

  kind(path: string): "file" | "dir" | undefined {
    return this.files.has(path) ? "file" : this.dirs.has(path) ? "dir" : undefined;
  }

  mkdir(path: string, parents = false): void {
    if (this.kind(path) !== undefined) {
      if (parents && this.dirs.has(path)) return;
      throw new FsError("EEXIST", path);
    }
    if (parents) {
      let p = parentOf(path);
      while (p !== "/" && !this.dirs.has(p)) {
        if (this.files.has(p)) throw new FsError("ENOTDIR", path);
        p = parentOf(p);
      }
    } else this.checkParent(path);
    this.checkWritable(path);
    this.mkdirAll(path);
  }

  remove(path: string, recursive = false): void {
    const kind = this.kind(path);
    if (kind === undefined) throw new FsError("ENOENT", path);
    this.checkWritable(path);
    if (kind === "file") {
      this.files.delete(path);
      return;
    }
    const inside = (p: string): boolean => p.startsWith(`${path}/`);
    if (!recursive && [...this.files.keys(), ...this.dirs].some(inside)) throw new FsError("ENOTEMPTY", path);
    for (const p of [...this.files.keys()]) if (inside(p)) this.files.delete(p);
    for (const p of [...this.dirs]) if (inside(p)) this.dirs.delete(p);
    this.dirs.delete(path);
  }
}

export class FakeNetwork implements Network {
  readonly dns: Record<string, string[]>;
  readonly http: Record<string, { status: number; body: string }>;

  constructor(dns: Record<string, string[]> = {}, http: Record<string, { status: number; body: string }> = {}) {
    this.dns = dns;
    this.http = http;
  }

  resolve(name: string): string[] | undefined {
    return this.dns[name];
  }

  httpGet(url: string): { status: number; body: string } | undefined {
    return this.http[url];
  }
}

/** 2025-01-01T00:00:00Z, a Wednesday. */
export const TEST_EPOCH = Date.UTC(2025, 0, 1);

export interface TestHostOptions {
  files?: Record<string, string>;
  dirs?: string[];
  readOnly?: string[];
  dns?: Record<string, string[]>;
  http?: Record<string, { status: number; body: string }>;
  now?: number;
  hostname?: string;
}

export function testHost(opts: TestHostOptions = {}): ProcessHost & { fs: MemoryFs } {
  const fs = new MemoryFs(opts.files, opts.readOnly);
  for (const d of opts.dirs ?? []) fs.mkdir(d, true);
  return {
    fs,
    net: new FakeNetwork(opts.dns, opts.http),
    hostname: opts.hostname ?? "test-pod",
    now: opts.now ?? TEST_EPOCH,
  };
}

/** One table-driven script case: what `sh -c script` prints and exits with (files seed the fs). */
export interface ScriptCase {
  name: string;
  script: string;
  stdout: string;
  stderr?: string;
  code?: number;
  files?: Record<string, string>;
}

/** Runs `sh -c script` to completion on a fresh test host: its stdout, stderr, status and filesystem. */
export function runScript(
  script: string,
  opts: TestHostOptions = {},
  env: Record<string, string> = {},
): { stdout: string; stderr: string; code: number | undefined; fs: MemoryFs; run: CompletedRun } {
  const host = testHost(opts);
  const run = runToCompletion(["sh", "-c", script], env, host);
  const text = (s: "stdout" | "stderr"): string => run.output.filter((o) => o.stream === s).map((o) => o.text).join("");
  return { stdout: text("stdout"), stderr: text("stderr"), code: run.exitCode, fs: host.fs, run };
}
