// `kubectl get -w` over simulated time (reference §1.9): the listing, then one row per change
// of a watched object, aligned with the widths remembered from the rows before it. kubectl
// never stops watching; kubesim runs the simulation until nothing more is scheduled or
// WATCH_LIMIT has passed, since there is no Ctrl-C between a script's commands.

import type { KubeObject } from "../../../api/types";
import { keyOf, refOf } from "../../../api/types";
import type { Cluster } from "../../../sim/cluster";
import type { Duration } from "../../../sim/time";
import { printTable } from "../../../printers/table/print";
import type { OutputFormat } from "../../flags/output";
import type { Writer } from "../../verb";
import type { HumanOptions } from "./human";
import { printGeneric } from "./generic";

/** How long a watch runs the simulation at most: a few simulated minutes (DESIGN "Waiting verbs"). */
export const WATCH_LIMIT = (5 * 60 * 1000) as Duration;

export interface WatchOptions {
  readonly output: OutputFormat;
  /** Table options; `now` is ignored (each row is printed at the cluster's current instant). */
  readonly human: HumanOptions;
  /** --watch-only: no initial listing; the header comes with the first change. */
  readonly watchOnly: boolean;
}

/**
 * Prints `initial` (unless watch-only), then advances the cluster, printing each object of
 * `list()` that was added, modified or deleted at each settled instant.
 */
export function watch(cluster: Cluster, list: () => readonly KubeObject[], initial: readonly KubeObject[], o: WatchOptions, out: Writer): void {
  const human = o.output.kind === "table" || o.output.kind === "wide";
  // every row printed so far, in order: widths only ever grow, as kubectl's remembered widths
  const printed: KubeObject[] = [];
  const emit = (obj: KubeObject): void => {
    if (!human) {
      const doc = printGeneric(o.output, [obj], { single: true, noHeaders: o.human.noHeaders });
      out.write(o.output.kind === "yaml" && printed.length > 0 ? `---\n${doc}` : doc);
      printed.push(obj);
      return;
    }
    printed.push(obj);
    const lines = table(printed).split("\n").filter((l) => l !== "");
    const header = !o.human.noHeaders && printed.length === 1 ? lines[0] + "\n" : "";
    out.write(header + lines[lines.length - 1] + "\n");
  };
  // AGE is computed at the instant each row is printed
  const table = (objects: readonly KubeObject[]): string =>
    printTable(objects, { ...o.human, now: cluster.now, withNamespace: o.human.allNamespaces, withKind: o.human.showKind });

  if (!o.watchOnly) {
    // the listing is one flush: its rows align with each other
    if (human) {
      out.write(table(initial));
      printed.push(...initial);
    } else for (const obj of initial) emit(obj);
  }

  let seen = new Map(initial.map((obj) => [keyOf(refOf(obj)), obj]));
  cluster.advanceUntil(
    () => cluster.nextDue() === undefined,
    WATCH_LIMIT,
    () => {
      const now = new Map(list().map((obj) => [keyOf(refOf(obj)), obj]));
      const changed = [...now.values()]
        .filter((obj) => seen.get(keyOf(refOf(obj)))?.metadata.resourceVersion !== obj.metadata.resourceVersion)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
      const deleted = [...seen.entries()].filter(([key]) => !now.has(key)).map(([, obj]) => obj);
      for (const obj of [...changed, ...deleted]) emit(obj);
      seen = now;
    },
  );
}
