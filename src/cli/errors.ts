// renderError: the one place an error becomes kubectl's words and an exit code (STYLE.md §5).

import { RawError, StatusError, UsageError } from "../api/errors";
import { renderInvalid } from "../api/validation/render";
import { StateFileError } from "../state/state-file-error";

export interface RenderedError {
  readonly stderr: string;
  readonly exitCode: number;
}

export function renderError(err: unknown, debug = false): RenderedError {
  return { stderr: ensureNewline(errorText(err, debug)), exitCode: 1 };
}

/** The text of one error as kubectl prints it (without a trailing newline guarantee). */
export function errorText(err: unknown, debug = false): string {
  if (err instanceof StatusError) return statusText(err);
  if (err instanceof UsageError) {
    const main = err.message.startsWith("error: ") || err.message.startsWith("Error: ") ? err.message : `error: ${err.message}`;
    return [err.preamble, main, err.hint].filter((s) => s !== undefined).join("\n");
  }
  if (err instanceof RawError) return err.message;
  if (err instanceof StateFileError) return `error: ${err.message}`;
  const e = err as Error;
  const msg = (e?.message ?? String(err)).replace(/^internal: /, "");
  return `error: internal: ${msg} (please report)` + (debug && e?.stack ? `\n${e.stack}` : "");
}

/** `Error from server (NotFound): …`, or the Invalid layout of kubectl-output.md §5.1. */
export function statusText(err: StatusError): string {
  if (err.reason === "Invalid" && err.invalid) {
    return renderInvalid(err.invalid.kind, err.invalid.name, err.invalid.issues);
  }
  return `Error from server (${err.reason}): ${err.message}`;
}

function ensureNewline(s: string): string {
  return s.endsWith("\n") ? s : s + "\n";
}
