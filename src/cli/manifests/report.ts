// How file-driven verbs report what went wrong: kubectl prefixes a server error with the file
// it came from (cmdutil.AddSourceToErr), collects the errors of every object and prints them at
// the end — one error as kubectl prints any error, several as one bare line each
// (cmdutil.MultipleErrors), exit 1.

import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import { RawError, StatusError, UsageError } from "../../api/errors";
import { renderIssue } from "../../api/validation/render";
import { errorText } from "../errors";
import type { IOStreams } from "../verb";
import { warningLine } from "../../printers/color";

/** `error when creating "x.yaml": deployments.apps "web" already exists` (reason and causes kept). */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (!(err instanceof StatusError)) return err;
  return new StatusError(err.reason, `error when ${verb} "${source}": ${err.message}`, err.invalid);
}

/** Writes the collected errors to stderr; returns the exit code (0 when there were none). */
export function reportErrors(errors: readonly unknown[], io: IOStreams): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const text = errorText(errors[0]);
    io.err.write(text.endsWith("\n") ? text : text + "\n");
    return 1;
  }
  for (const e of errors) io.err.write(aggregateLine(e) + "\n");
  return 1;
}

/** One error inside an aggregate: status errors keep their prefix, plain errors lose `error: `. */
function aggregateLine(err: unknown): string {
  if (err instanceof StatusError) {
    if (err.reason === "Invalid" && err.invalid) {
      const causes = err.invalid.issues.map(renderIssue);
      const body = causes.length === 1 ? causes[0] : `[${causes.join(", ")}]`;
      return `Error from server (Invalid): ${err.message}: ${body}`;
    }
    return `Error from server (${err.reason}): ${err.message}`;
  }
  if (err instanceof UsageError || err instanceof RawError) return err.message.replace(/^error: /, "");
  return errorText(err);
}

/** The identity lines kubectl prints for an object in apply's errors (resource.Info's String()). */
export function objectIdentity(obj: KubeObject, info: ResourceInfo): string {
  const gv = info.group ? `${info.group}/${info.version}` : info.version;
  return (
    `Resource: "${gv}, Resource=${info.plural}", GroupVersionKind: "${gv}, Kind=${info.kind}"\n` +
    `Name: "${obj.metadata.name ?? ""}", Namespace: "${info.namespaced ? (obj.metadata.namespace ?? "") : ""}"`
  );
}

/** Server warnings, printed as they arrive. */
export function printWarnings(warnings: string[], io: IOStreams): void {
  for (const w of warnings.splice(0)) io.err.write(warningLine(w, Boolean(io.color)));
}

