// --validate=strict|warn|ignore (true = strict, false = ignore; a bare --validate is strict), as
// kubectl's GetValidationDirective reads it. Anything but ignore checks apiVersion/kind before
// sending; the directive becomes the API server's fieldValidation.

import type { Command } from "commander";
import { UsageError } from "../../api/errors";
import type { FieldValidation } from "../../api/server";

export interface Validation {
  /** Client-side checks (kind/apiVersion set) run. */
  readonly client: boolean;
  readonly fieldValidation: FieldValidation;
}

export function defineValidate(cmd: Command): void {
  cmd.option(
    "--validate [mode]",
    `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
    "strict",
  );
}

export function parseValidate(value: string | boolean | undefined): Validation {
  const v = value === undefined || value === true ? "strict" : String(value).toLowerCase();
  switch (v) {
    case "true":
    case "strict":
      return { client: true, fieldValidation: "Strict" };
    case "warn":
      return { client: true, fieldValidation: "Warn" };
    case "false":
    case "ignore":
      return { client: false, fieldValidation: "Ignore" };
    default:
      throw new UsageError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}
