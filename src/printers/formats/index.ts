// printObjects: the -o formats other than the human table, chosen by name (a registry, as
// kubectl's PrintFlags tries each printer's allowed formats in turn).

import { UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import { parseCustomColumns, printCustomColumns } from "./custom-columns";
import { toJson } from "./json";
import { executeJsonPath, findResults } from "./jsonpath";
import { printable } from "./list";
import { resourceName } from "./name";
import { toYaml } from "./yaml";

export interface FormatOptions {
  /** A single named object prints itself; anything else prints the List wrapper. */
  readonly single: boolean;
  readonly noHeaders?: boolean;
  /** `get` also offers custom-columns and wide (they change the error text's list). */
  readonly forGet?: boolean;
  /**
   * The object is a Go struct kubectl built (a generator's --dry-run=client): -o json writes
   * its fields in declaration order, as built, where an object read back is a sorted map.
   */
  readonly asBuilt?: boolean;
}

type Printer = (objects: readonly KubeObject[], arg: string, opts: FormatOptions) => string;

const PRINTERS: Readonly<Record<string, Printer>> = {
  yaml: (objects, _arg, opts) => toYaml(printable(objects, opts.single)),
  json: (objects, _arg, opts) => toJson(printable(objects, opts.single), { sorted: !opts.asBuilt }),
  name: (objects) => objects.map((o) => resourceName(o) + "\n").join(""),
  jsonpath: (objects, arg, opts) => executeJsonPath(requireTemplate(arg), printable(objects, opts.single)),
  "jsonpath-as-json": (objects, arg, opts) => toJson(findResults(requireTemplate(arg), printable(objects, opts.single))),
  "custom-columns": (objects, arg, opts) => printCustomColumns(objects, parseCustomColumns(arg), opts.noHeaders ?? false),
};

function requireTemplate(arg: string): string {
  if (arg === "") throw new UsageError("template format specified but no template given");
  return arg;
}

const ALLOWED = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json", "jsonpath-file", "name", "template", "templatefile", "yaml"];
const ALLOWED_FOR_GET = [...ALLOWED, "custom-columns", "custom-columns-file", "wide"].sort();

/** kubectl's text for an output format no printer accepts (§5.5). */
export function noPrinterError(format: string, forGet = false): UsageError {
  const allowed = forGet ? ALLOWED_FOR_GET : ALLOWED;
  return new UsageError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${allowed.join(",")}`);
}

/**
 * Prints objects with -o FORMAT ("yaml", "json", "name", "jsonpath=TEMPLATE",
 * "custom-columns=SPEC"); throws UsageError for a format kubectl would not accept.
 */
export function printObjects(format: string, objects: readonly KubeObject[], opts: FormatOptions): string {
  const eq = format.indexOf("=");
  const name = eq < 0 ? format : format.slice(0, eq);
  const arg = eq < 0 ? "" : format.slice(eq + 1);
  const printer = PRINTERS[name];
  if (!printer || (name === "custom-columns" && !opts.forGet)) throw noPrinterError(format, opts.forGet);
  return printer(objects, arg, opts);
}
