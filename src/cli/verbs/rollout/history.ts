// kubectl rollout history (TYPE NAME | TYPE/NAME) [--revision=N] [-o FORMAT]
// (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go): the revision table, or one
// revision's pod template, after the resource/name line; with -o, the revisions' ReplicaSets.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { infoForKind } from "../../../api/registry";
import type { KubeObject } from "../../../api/types";
import { noHelperError } from "../../../api/rollout/kinds";
import { deploymentRevisions } from "../../../api/rollout/history";
import type { Revision } from "../../../api/rollout/history";
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
    return forEachTarget(api, o, env, io, (obj) => io.out.write(historyOf(obj, api.list("ReplicaSet", obj.metadata.namespace), o)));
  },
});

/** One object's part of the output; throws kubectl's error for it. */
function historyOf(obj: KubeObject, replicaSets: readonly KubeObject[], o: Options): string {
  if (obj.kind !== "Deployment") {
    const info = infoForKind(obj.kind);
    throw noHelperError(info ?? { kind: obj.kind, group: "" }, "history viewer");
  }
  const revisions = deploymentRevisions(obj, replicaSets);
  const pick = (): Revision => {
    const r = revisions.find((x) => x.revision === o.revision);
    if (!r) throw new UsageError("unable to find the specified revision");
    return r;
  };
  if (!isHumanReadable(o.output)) {
    const chosen = o.revision > 0 ? [pick().replicaSet] : revisions.map((r) => r.replicaSet);
    return chosen.map((rs) => printObjects(formatText(o.output), [rs], { single: true })).join("");
  }
  // The name printer's operation is "with revision #N\n<history>" (or "\n<history>"), so the
  // first line keeps a trailing space when no revision was asked for.
  const head = `${resourceName(obj)} ${o.revision > 0 ? `with revision #${o.revision}` : ""}\n`;
  if (revisions.length === 0) return `${head}${NO_HISTORY}\n`;
  return `${head}${o.revision > 0 ? revisionTemplate(pick().template) : historyTable(revisions)}\n`;
}
