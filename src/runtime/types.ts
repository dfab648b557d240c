// The contracts between a container's process (runtime/shell), its filesystem (runtime/fs)
// and its network (runtime/net). Everything is plain JSON-serialisable data, because a
// container's whole life is kept in the state file and continues across commands.

/** A path-addressed filesystem as a process sees it (mounts already resolved). */
export interface FileSystem {
  /** File content, or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** Creates or replaces (append: adds to) a file; throws FsError (EROFS, ENOENT, EISDIR…). */
  write(path: string, content: string, append?: boolean): void;
  /** Names in a directory, sorted; undefined when it is not a directory. */
  list(path: string): string[] | undefined;
  kind(path: string): "file" | "dir" | undefined;
  mkdir(path: string, parents?: boolean): void;
  remove(path: string, recursive?: boolean): void;
}

export type FsErrorCode = "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "EROFS" | "ENOTEMPTY";

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  constructor(code: FsErrorCode, path: string) {
    super(`${code}: ${path}`);
    this.name = "FsError";
    this.code = code;
    this.path = path;
  }
}

/** What a process can reach over the simulated network at the current instant. */
export interface Network {
  /** Addresses for a DNS name (Service, StatefulSet pod, …), or undefined (NXDOMAIN). */
  resolve(name: string): string[] | undefined;
  /** An HTTP GET answered by the target container's image model, or undefined (unreachable). */
  httpGet(url: string): { status: number; body: string } | undefined;
  /** The name a reverse (PTR) lookup of an address gives, if any (a Service's cluster IP). */
  reverse?(ip: string): string | undefined;
}

/** The world one process step runs in. */
export interface ProcessHost {
  readonly fs: FileSystem;
  readonly net: Network;
  readonly hostname: string;
  /** Simulated now, in ms since the epoch (for `date`). */
  readonly now: number;
}

/**
 * A program kubesim models by what it does rather than how (an image's compute model, such as
 * perl printing π): busy for `durationMs` of simulated time, then it writes `stdout` and exits
 * with `exitCode`. The shell interpreter runs it as a process (shell/process.ts startTimedProcess).
 */
export interface ProgramRun {
  readonly durationMs: number;
  readonly stdout: string;
  readonly exitCode: number;
}
