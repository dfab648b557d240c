// Typed API errors, built where the problem is found and rendered once (cli/errors.ts).
// Messages are the API server's own texts (reference/kubectl-output.md §5.2).

import type { FieldIssue } from "./validation/issues";

export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "BadRequest"
  | "Forbidden"
  | "MethodNotAllowed"
  | "Timeout"
  | "InternalError"
  | "RequestEntityTooLarge";

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  Timeout: 504,
  InternalError: 500,
  RequestEntityTooLarge: 413,
};

/** An API status error: what a real API server would have answered. */
export class StatusError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  /** For Invalid: the Kind (without group), the name and the causes. */
  readonly invalid?: { kind: string; group: string; name: string; issues: readonly FieldIssue[] };

  constructor(reason: StatusReason, message: string, invalid?: StatusError["invalid"]) {
    super(message);
    this.name = "StatusError";
    this.reason = reason;
    this.code = CODES[reason];
    this.invalid = invalid;
  }
}

/** `deployments.apps "web" not found` */
export function notFound(resource: string, name: string): StatusError {
  return new StatusError("NotFound", `${resource} "${name}" not found`);
}

export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError("AlreadyExists", `${resource} "${name}" already exists`);
}

export function conflict(resource: string, name: string): StatusError {
  return new StatusError(
    "Conflict",
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

export function badRequest(message: string): StatusError {
  return new StatusError("BadRequest", message);
}

/** A request body over the API server's limit (3 MiB), refused before it is decoded. */
export function requestEntityTooLarge(limit: number): StatusError {
  return new StatusError("RequestEntityTooLarge", `Request entity too large: limit is ${limit}`);
}

export function forbidden(resource: string, name: string, why: string): StatusError {
  return new StatusError("Forbidden", `${resource} "${name}" is forbidden: ${why}`);
}

/** A 422 with field causes; the message is rendered by validation/render.ts. */
export function invalid(kind: string, group: string, name: string, issues: readonly FieldIssue[]): StatusError {
  return new StatusError("Invalid", `${kind}${group ? "." + group : ""} "${name}" is invalid`, { kind, group, name, issues });
}

/** A client-side usage error: printed as `error: <message>`. */
export class UsageError extends Error {
  /** Printed after the message, e.g. "See 'kubectl get -h' for help and examples". */
  readonly hint?: string;
  /** Printed before the "error:" line (kubectl's `get` with no type does this). */
  readonly preamble?: string;
  constructor(message: string, opts: { hint?: string; preamble?: string } = {}) {
    super(message);
    this.name = "UsageError";
    this.hint = opts.hint;
    this.preamble = opts.preamble;
  }
}

/** Text printed verbatim on stderr (already in kubectl's words), with exit code 1. */
export class RawError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RawError";
  }
}
