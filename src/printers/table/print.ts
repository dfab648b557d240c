// The human table of `kubectl get` for one kind: header, NAMESPACE for -A, kind prefixes,
// wide columns, -L and --show-labels columns, then the table writer (reference §1.1–1.5).
// The caller joins several kinds with one blank line.

import type { KubeObject } from "../../api/types";
import { infoForKind, kindDotGroup } from "../../api/registry";
import { formatLabels } from "../../api/selectors";
import type { Instant } from "../../sim/time";
import { sanitizeCell, tabwrite, TABLE_WRITER } from "../tabwriter";
import { tableHandlerFor } from "./index";

export interface TableOptions {
  readonly now: Instant;
  readonly wide: boolean;
  /** -A: prepend NAMESPACE (only namespaced kinds get it). */
  readonly withNamespace: boolean;
  /** Several kinds in one request: prefix NAME with `deployment.apps/`. */
  readonly withKind: boolean;
  readonly showLabels: boolean;
  /** -L keys, in order. */
  readonly labelColumns: readonly string[];
  readonly noHeaders: boolean;
}

/** `-L app.kubernetes.io/name` → NAME: the part after the last "/", upper-cased. */
const labelHeader = (key: string): string => key.split("/").pop()!.toUpperCase();

/** The printed prefix of a kind: "deployment.apps/", "pod/". */
export function kindPrefix(kind: string): string {
  const info = infoForKind(kind);
  return `${info ? kindDotGroup(info) : kind.toLowerCase()}/`;
}

/**
 * Renders objects of ONE kind as kubectl's table, already aligned, ending in "\n"
 * (or "" for no objects and no header). Row order is the caller's (the API's) order.
 */
export function printTable(objects: readonly KubeObject[], opts: TableOptions): string {
  if (objects.length === 0) return "";
  const kind = objects[0].kind;
  const handler = tableHandlerFor(kind);
  const keep = handler.columns.map((c) => !c.wide || opts.wide);
  const namespaced = infoForKind(kind)?.namespaced ?? true;
  const withNamespace = opts.withNamespace && namespaced;
  const prefix = opts.withKind ? kindPrefix(kind) : "";

  const rows: string[][] = [];
  if (!opts.noHeaders) {
    rows.push([
      ...(withNamespace ? ["NAMESPACE"] : []),
      ...handler.columns.filter((_, i) => keep[i]).map((c) => c.name),
      ...opts.labelColumns.map(labelHeader),
      ...(opts.showLabels ? ["LABELS"] : []),
    ]);
  }
  for (const obj of objects) {
    const cells = handler.row(obj, opts.now, opts.wide).filter((_, i) => keep[i]);
    cells[0] = prefix + cells[0];
    const labels = obj.metadata.labels ?? {};
    rows.push([
      ...(withNamespace ? [obj.metadata.namespace ?? ""] : []),
      ...cells,
      ...opts.labelColumns.map((k) => labels[k] ?? ""),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ]);
  }
  return tabwrite(rows.map((r) => r.map(sanitizeCell).join("\t") + "\n").join(""), TABLE_WRITER);
}

/**
 * The stderr line for an empty human listing (§1.4): `No resources found in dev namespace.`,
 * or `No resources found` with -A or for cluster-scoped kinds (pass no namespace).
 */
export function noResourcesFound(namespace?: string): string {
  return namespace ? `No resources found in ${namespace} namespace.` : "No resources found";
}

/** The same for `kubectl events` (§1.10). */
export function noEventsFound(namespace?: string): string {
  return namespace ? `No events found in ${namespace} namespace.` : "No events found.";
}
