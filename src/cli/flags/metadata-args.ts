// The `key=value` / `key-` arguments of label and annotate, split from the resource arguments
// and parsed with kubectl's rules and words (cmdutil.GetResourcesAndPairs, label.go
// parseLabels, cmdutil.ParsePairs).

import { UsageError } from "../../api/errors";
import { isValidLabelValue } from "../../api/validation/dns";

export interface MetadataChanges {
  /** Keys to set, in the order given (a later value for the same key wins). */
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
}

/** A pair is `k=v` (not starting with `=`) or `k-` (not a lone `-`). */
function isPair(s: string): boolean {
  return (s.includes("=") && !s.startsWith("=")) || (s.endsWith("-") && s !== "-");
}

/** Resources first, then pairs: `pod x a=b c-`. */
export function splitResourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    if (isPair(a)) pairs.push(a);
    else if (pairs.length > 0) throw new UsageError(`all resources must be specified before ${pairType} changes: ${a}`);
    else resources.push(a);
  }
  return { resources, pairs };
}

/** label.go parseLabels: values are checked here, keys by the API server. */
export function parseLabelArgs(spec: readonly string[]): MetadataChanges {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes("=")) {
      const parts = s.split("=");
      if (parts.length !== 2) throw new UsageError(`invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length > 0) throw new UsageError(`invalid label value: ${JSON.stringify(s)}: ${errs.join(";")}`);
      set.set(parts[0], parts[1]);
    } else if (s.endsWith("-")) remove.push(s.slice(0, -1));
    else throw new UsageError(`unknown label spec: ${s}`);
  }
  if (remove.some((k) => set.has(k))) throw new UsageError("can not both modify and remove a label in the same command");
  return { set, remove };
}

/** cmdutil.ParsePairs(args, "annotation", true): values may contain `=`. */
export function parseAnnotationArgs(spec: readonly string[]): MetadataChanges {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const s of spec) {
    if (s.includes("=") && !s.startsWith("=")) {
      const eq = s.indexOf("=");
      set.set(s.slice(0, eq), s.slice(eq + 1));
    } else if (s.endsWith("-") && s !== "-") remove.push(s.slice(0, -1));
    else invalid.push(s);
  }
  if (invalid.length > 0) throw new UsageError(`invalid annotation format: ${invalid.join(", ")}`);
  if (remove.some((k) => set.has(k))) throw new UsageError("can not both modify and remove an annotation in the same command");
  return { set, remove };
}
