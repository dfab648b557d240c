// -o/--output as kubectl's printer flags read it (cli-runtime genericclioptions/PrintFlags):
// `wide|yaml|json|name`, `jsonpath=T`, `jsonpath-as-json=T`, `custom-columns=SPEC`. Go
// templates and the *-file variants are not supported by kubesim: they get the same error as
// an unknown format.

import type { Command } from "commander";
import { Option } from "commander";
import { UsageError } from "../../api/errors";

export type OutputFormat =
  | { readonly kind: "table" }
  | { readonly kind: "wide" }
  | { readonly kind: "yaml" }
  | { readonly kind: "json" }
  | { readonly kind: "name" }
  | { readonly kind: "jsonpath"; readonly template: string }
  | { readonly kind: "jsonpath-as-json"; readonly template: string }
  | { readonly kind: "custom-columns"; readonly spec: string };

export type OutputKind = OutputFormat["kind"];

/** The formats the printer flags of mutating verbs list (create, apply, ...). */
export const GENERIC_FORMATS = [
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "name",
  "template",
  "templatefile",
  "yaml",
];

/** --show-managed-fields: accepted as kubectl accepts it; kubesim keeps no managedFields, so output is the same either way. */
export function defineShowManagedFields(cmd: Command): void {
  cmd.option("--show-managed-fields", "If true, keep the managedFields when printing objects in JSON or YAML format.", false);
}

/** `get` adds the human formats (custom-columns, wide) to the list. */
export const GET_FORMATS = [...GENERIC_FORMATS, "custom-columns", "custom-columns-file", "wide"].sort();

export function defineOutput(cmd: Command, description: string): void {
  cmd.option("-o, --output <format>", description);
}

/**
 * Parses an -o value; `allowed` is the sorted list kubectl names in its error (GET_FORMATS for
 * get). An empty or absent value means the default human table.
 * @example parseOutput("jsonpath={.metadata.name}") → { kind: "jsonpath", template: "{.metadata.name}" }
 */
export function parseOutput(text: string | undefined, allowed: readonly string[] = GENERIC_FORMATS): OutputFormat {
  const value = text ?? "";
  if (value === "") return { kind: "table" };
  const eq = value.indexOf("=");
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? "" : value.slice(eq + 1);
  if (allowed.includes(name)) {
    switch (name) {
      case "wide":
      case "yaml":
      case "json":
      case "name":
        if (eq < 0) return { kind: name };
        break;
      case "jsonpath":
      case "jsonpath-as-json":
        if (arg === "") throw new UsageError("template format specified but no template given");
        return { kind: name, template: arg };
      case "go-template":
      case "go-template-file":
      case "template":
      case "templatefile":
      case "jsonpath-file":
        // kubesim has no Go templates and reads no template files: such formats fail like an unknown one
        if (arg === "") throw new UsageError("template format specified but no template given");
        break;
      case "custom-columns":
        if (arg === "") throw new UsageError("custom-columns format specified but no custom columns given");
        return { kind: "custom-columns", spec: arg };
    }
  }
  throw unknownFormat(value, allowed);
}

/** kubectl's NoCompatiblePrinterError text (reference §5.5). */
export function unknownFormat(value: string, allowed: readonly string[]): UsageError {
  return new UsageError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${[...allowed].sort().join(",")}`,
  );
}

/** The format as the printers' printObjects takes it: "yaml", "jsonpath={...}", ... */
export function formatText(f: OutputFormat): string {
  switch (f.kind) {
    case "jsonpath":
    case "jsonpath-as-json":
      return `${f.kind}=${f.template}`;
    case "custom-columns":
      return `custom-columns=${f.spec}`;
    default:
      return f.kind;
  }
}

/** Human tables are printed per kind; every other format prints one object or one List. */
export function isHumanReadable(f: OutputFormat): boolean {
  return f.kind === "table" || f.kind === "wide";
}

/**
 * kubectl's --no-headers is a flag of its own, not the negation of a --headers: commander would
 * treat "--no-*" as a negation (hidden from help, default true), so it is turned back into a
 * plain boolean. Its value is read as `noHeaders`.
 */
export function noHeadersOption(): Option {
  const opt = new Option("--no-headers", "When using the default or custom-column output format, don't print headers (default print headers).");
  opt.negate = false;
  opt.default(false);
  return opt;
}
