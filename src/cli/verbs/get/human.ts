// The human-readable path of `kubectl get` (get.go Run): one table per type, flushed per type,
// a blank line before a table only when something was printed before it and headers are on,
// and `No resources found …` on stderr when nothing at all was printed and nothing failed.

import type { Instant } from "../../../sim/time";
import { noResourcesFound, printTable } from "../../../printers/table/print";
import type { Fetched } from "./collect";

export interface HumanOptions {
  readonly now: Instant;
  readonly wide: boolean;
  readonly allNamespaces: boolean;
  readonly showKind: boolean;
  readonly showLabels: boolean;
  readonly labelColumns: readonly string[];
  readonly noHeaders: boolean;
}

/** The tables, joined as kubectl's separator writer joins them. */
export function printHuman(groups: readonly Fetched[], o: HumanOptions): string {
  // multipleGVKsRequested: every type that answered counts, even with an empty list
  const withKind = o.showKind || new Set(groups.map((g) => g.info)).size > 1;
  let out = "";
  for (const g of groups) {
    const table = printTable(g.objects, {
      now: o.now,
      wide: o.wide,
      withNamespace: o.allNamespaces,
      withKind,
      showLabels: o.showLabels,
      labelColumns: o.labelColumns,
      noHeaders: o.noHeaders,
    });
    if (table === "") continue;
    if (out !== "" && !o.noHeaders) out += "\n";
    out += table;
  }
  return out;
}

/**
 * The stderr message for an empty listing: with the namespace when every type is namespaced
 * and -A was not given (get.go's allResourcesNamespaced).
 */
export function emptyMessage(groups: readonly Fetched[], namespace: string, allNamespaces: boolean): string {
  const allNamespaced = !allNamespaces && groups.every((g) => g.info.namespaced);
  return noResourcesFound(allNamespaced ? namespace : undefined) + "\n";
}
