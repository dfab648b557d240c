// kubectl rollout history (TYPE NAME | TYPE/NAME) [--revision=N] [-o FORMAT]
// (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go): the revision table, or one
// revision's pod template, after the resource/name line; with -o, the revisions' ReplicaSets.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { infoForKind } from "../../../api/registry";
import type { KubeObject } from "../../../api/types";
import { noHelperError } from "../../../api/rollout/kinds";
import { deploymentRevisions } from "../../../api/rollout/history";
import { statefulSetRevisions } from "../../../api/rollout/statefulset";
import { historyTable, NO_HISTORY, revisionTemplate } from "../../../printers/rollout-history";
import { resourceName } from "../../../printers/formats/name";
import { printObjects } from "../../../printers/formats";
import type { OutputFormat } from "../../flags/output";
import { formatText, isHumanReadable, parseOutput } from "../../flags/output";
import { parseIntFlag } from "../../generators/output";
import type { TargetFlags, TargetOptions } from "./targets";
import { defineTargetFlags, requireResource, targetOptions } from "./targets";
import { definePrinterFlags } from "./printer-flags";
import { forEachTarget } from "./report";

interface Flags extends TargetFlags {
  revision?: string;
  output?: string;
}

interface Options extends TargetOptions {
  revision: number;
  output: OutputFormat;
}

export default defineVerb<Flags, Options>({
  name: "rollout history",
  help: {
    short: "View rollout history",
    long: "View previous rollout revisions and configurations.",
    example: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
    usage: "rollout history (TYPE NAME | TYPE/NAME) [flags] [options]",
  },
  define(cmd) {
    defineTargetFlags(cmd);
    definePrinterFlags(cmd);
    cmd.option("--revision <n>", "See the details, including podTemplate of the revision specified", "0");
  },
  complete: (flags, args, env) => ({
    ...targetOptions(flags, args, env),
    revision: parseIntFlag(flags.revision, "--revision", 0, "rollout history"),
    output: parseOutput(flags.output),
  }),
  validate(o) {
    requireResource(o);
    if (o.revision < 0) throw new UsageError(`revision must be a positive integer: ${o.revision}`);
  },
  run(o, cluster, io, env) {
    const api = cluster!.api;
    return forEachTarget(api, o, env, io, (obj) => io.out.write(historyOf(obj, entriesOf(obj, api), o)));
  },
});

/** One revision as the viewer sees it: the object `-o` prints (a ReplicaSet or a ControllerRevision). */
interface HistoryEntry {
  readonly revision: number;
  readonly template: any;
  readonly changeCause?: string;
  readonly object: KubeObject;
}

/** The HistoryViewer per kind: Deployments read ReplicaSets, StatefulSets ControllerRevisions. */
function entriesOf(obj: KubeObject, api: { list(kind: string, ns?: string): readonly KubeObject[] }): HistoryEntry[] {
  const ns = obj.metadata.namespace;
  if (obj.kind === "Deployment") return deploymentRevisions(obj, api.list("ReplicaSet", ns)).map((r) => ({ ...r, object: r.replicaSet }));
  if (obj.kind === "StatefulSet") return statefulSetRevisions(obj, api.list("ControllerRevision", ns)).map((r) => ({ ...r, object: r.controllerRevision }));
  const info = infoForKind(obj.kind);
  throw noHelperError(info ?? { kind: obj.kind, group: "" }, "history viewer");
}

/** One object's part of the output; throws kubectl's error for it. */
function historyOf(obj: KubeObject, revisions: readonly HistoryEntry[], o: Options): string {
  const pick = (): HistoryEntry => {
    const r = revisions.find((x) => x.revision === o.revision);
    if (!r) throw new UsageError("unable to find the specified revision");
    return r;
  };
  if (!isHumanReadable(o.output)) {
    const chosen = o.revision > 0 ? [pick().object] : revisions.map((r) => r.object);
    return chosen.map((rs) => printObjects(formatText(o.output), [rs], { single: true })).join("");
  }
  // The name printer's operation is "with revision #N\n<history>" (or "\n<history>"), so the
  // first line keeps a trailing space when no revision was asked for.
  const head = `${resourceName(obj)} ${o.revision > 0 ? `with revision #${o.revision}` : ""}\n`;
  if (revisions.length === 0) return `${head}${NO_HISTORY}\n`;
  return `${head}${o.revision > 0 ? revisionTemplate(pick().template) : historyTable(revisions)}\n`;
}
