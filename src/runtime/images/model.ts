// The shapes of an image's behaviour data: its OCI config (what `docker inspect` shows as
// Entrypoint, Cmd, WorkingDir, Env) and what each program it ships does when started. The
// catalog (catalog.ts) fills these in; behaviour.ts reads them. Everything is plain data so
// that a new image is a catalog entry, never a new code path.
//
// Text fields are templates: {{version}}, {{port}}, {{hostname}}, {{podIP}} and the timestamp forms
// {{nginxTime}}, {{goLogTime}}, {{mysqlTime}}, {{apacheTime}}, {{redisTime}}, {{pgTime}},
// {{goNow}} are filled in by behaviour.ts (see fillTemplate there): in logs with the start
// instant, in HTTP bodies with the instant of the request.

/** The parts of an OCI image config a container runtime uses to start the process. */
export interface ImageConfig {
  /** ENTRYPOINT; replaced by the container's `command`. */
  readonly entrypoint?: readonly string[];
  /** CMD; replaced by the container's `args` (and dropped when `command` is given). */
  readonly cmd?: readonly string[];
  readonly workingDir?: string;
  /** ENV defaults, overridden by the container's env. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Entrypoint scripts that end in `exec "$@"` (docker-entrypoint.sh and the like): what
   * runs is the program after them, so `args: ["sh"]` on nginx gives a shell.
   */
  readonly wrappers?: readonly ImageWrapper[];
}

export interface ImageWrapper {
  /** argv[0] as written: "/docker-entrypoint.sh", "docker-entrypoint.sh". */
  readonly path: string;
  /** When the first argument is a flag ("-v", "--port=1"), the wrapper prepends this program (redis, mysql, postgres). */
  readonly flagsGoTo?: string;
}

/** One program of an image and what it does, matched against the argv that runs. */
export interface ImageProgram {
  /** argv[0] as it may be written: "nginx", "/usr/sbin/nginx". */
  readonly names: readonly string[];
  /** For multi-call binaries (agnhost): argv[1] selects the program. */
  readonly subcommand?: string;
  /** Matches only when argv has nothing after the name (busybox's bare `sh`). */
  readonly bareOnly?: boolean;
  /**
   * Matches only these arguments after the name: one regular expression per argument, each
   * matching the whole of it. Their capture groups, in order, are a compute model's inputs.
   */
  readonly args?: readonly string[];
  readonly model: ProcessModel;
}

export type ProcessModel = ServeModel | ExitModel | ComputeModel;

/** A long-running process: listens, answers, runs until killed. */
export interface ServeModel {
  readonly kind: "serve";
  /**
   * TCP ports the process listens on; "declared" means the container's declared
   * containerPorts (an unknown image). A flag may move the first port (portFlag).
   */
  readonly ports: readonly number[] | "declared";
  /** The flag that sets the listening port, as `--http-port=8081` or `--http-port 8081`. */
  readonly portFlag?: string;
  /**
   * Where a web server serves files from: a file the container has there (written by a
   * volume, exec or cp) answers its path, before the routes, which stand for the image's own files.
   */
  readonly docRoot?: string;
  /** HTTP routes, first match wins; absent means the port does not speak HTTP (redis, mysql). */
  readonly http?: readonly HttpRoute[];
  /** What the process prints when it starts. */
  readonly logs?: readonly string[];
  /** Environment it needs; when none of the conditions holds it exits at once. */
  readonly requires?: EnvRequirement;
  /** Memory the process allocates and holds, as its flags say (stress's `--vm 1 --vm-bytes 250M`). */
  readonly allocates?: MemoryAllocation;
}

/**
 * Memory a process holds: `workersFlag` workers (none when the flag is absent) of
 * `bytesFlag` bytes each (`defaultBytes` when absent). Sizes take stress's suffixes
 * b/k/m/g, powers of 1024 (stress.c atoll_b): "250M" is 250 × 2^20 bytes.
 */
export interface MemoryAllocation {
  readonly workersFlag: string;
  readonly bytesFlag: string;
  readonly defaultBytes: number;
}

/** A process that ends at once (a shell with no stdin, `python3` with no script). */
export interface ExitModel {
  readonly kind: "exit";
  readonly code: number;
  readonly logs?: readonly string[];
}

/**
 * A process that works for a while, prints what it worked out and exits 0 (perl printing π).
 * The computation (computations.ts) gets the capture groups of the program's `args` and
 * gives the text and the time the real program takes to make it.
 */
export interface ComputeModel {
  readonly kind: "compute";
  readonly computes: ComputationName;
}

/** The computations kubesim can carry out for a compute model (registry: computations.ts). */
export type ComputationName = "bpi";

export interface EnvRequirement {
  /** Satisfied when any condition holds. */
  readonly anyOf: readonly EnvCondition[];
  readonly exitCode: number;
  /** Printed before exiting (the image's own error text). */
  readonly logs: readonly string[];
}

/** `name` is set and non-empty, or (with `equals`) has exactly that value. */
export interface EnvCondition {
  readonly name: string;
  readonly equals?: string;
}

export interface HttpRoute {
  /** Exact path ("/healthz"), or a prefix when it ends in "*" ("/*" matches everything). */
  readonly path: string;
  readonly answer: HttpAnswerModel;
}

export type HttpAnswerModel =
  /** A fixed answer (body is a template filled at the request's instant). */
  | { readonly kind: "static"; readonly status: number; readonly body: string }
  /** 200 with the pod's hostname (agnhost serve-hostname, netexec /hostname). */
  | { readonly kind: "hostname" }
  /** 200 with a query parameter's value (netexec /echo?msg=). */
  | { readonly kind: "query"; readonly param: string }
  /**
   * 200 "ok" while the process is younger than `seconds`, then 500 with
   * "error: <age in seconds>" (agnhost liveness: `duration.Seconds() > 10`).
   */
  | { readonly kind: "healthy-for"; readonly seconds: number };
