// --dry-run=none|client|server, as kubectl parses it (a bare --dry-run means client).

import type { Command } from "commander";
import { UsageError } from "../../api/errors";

export type DryRun = "none" | "client" | "server";

export function defineDryRun(cmd: Command): void {
  cmd.option(
    "--dry-run [strategy]",
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    "none",
  );
}

export function parseDryRun(value: string | boolean | undefined): DryRun {
  if (value === undefined || value === "none" || value === false || value === "false") return "none";
  if (value === true || value === "" || value === "client" || value === "true") return "client";
  if (value === "server") return "server";
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** " (dry run)" / " (server dry run)" appended to the operation of a success line. */
export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}
