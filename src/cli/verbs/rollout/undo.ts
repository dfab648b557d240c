// kubectl rollout undo (TYPE NAME | TYPE/NAME) [--to-revision=N] [--dry-run]
// (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go): restores a revision's pod
// template; the Deployment controller then renumbers that ReplicaSet and rolls to it.

import { defineVerb } from "../../verb";
import { infoForKind } from "../../../api/registry";
import type { KubeObject } from "../../../api/types";
import type { Cluster } from "../../../sim/cluster";
import { noHelperError } from "../../../api/rollout/kinds";
import { planDeploymentRollback } from "../../../api/rollout/rollback";
import { planStatefulSetRollback } from "../../../api/rollout/statefulset";
import { revisionTemplate } from "../../../printers/rollout-history";
import type { DryRun } from "../../flags/dry-run";
import { defineDryRun, parseDryRun } from "../../flags/dry-run";
import type { OutputFormat } from "../../flags/output";
import { parseOutput } from "../../flags/output";
import { parseIntFlag, printCreated } from "../../generators/output";
import type { TargetFlags, TargetOptions } from "./targets";
import { defineTargetFlags, requireResource, targetOptions } from "./targets";
import { definePrinterFlags } from "./printer-flags";
import { forEachTarget } from "./report";

interface Flags extends TargetFlags {
  toRevision?: string;
  dryRun?: string | boolean;
  output?: string;
}

interface Options extends TargetOptions {
  toRevision: number;
  dryRun: DryRun;
  output: OutputFormat;
}

export default defineVerb<Flags, Options>({
  name: "rollout undo",
  help: {
    short: "Undo a previous rollout",
    long: "Roll back to a previous rollout.",
    example: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
    usage: "rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]",
  },
  define(cmd) {
    defineDryRun(cmd);
    defineTargetFlags(cmd);
    definePrinterFlags(cmd);
    cmd.option("--to-revision <n>", "The revision to rollback to. Default to 0 (last revision).", "0");
  },
  complete: (flags, args, env) => ({
    ...targetOptions(flags, args, env),
    toRevision: parseIntFlag(flags.toRevision, "--to-revision", 0, "rollout undo"),
    dryRun: parseDryRun(flags.dryRun),
    output: parseOutput(flags.output),
  }),
  validate: requireResource,
  run(o, cluster, io, env) {
    return forEachTarget(cluster!.api, o, env, io, (obj) => io.out.write(undo(obj, cluster!, o)));
  },
});

/** One object's rollback and the line kubectl prints for it (its operation is the result text). */
function undo(obj: KubeObject, cluster: Cluster, o: Options): string {
  const ns = obj.metadata.namespace;
  const clientDryRun = o.dryRun === "client";
  let plan;
  if (obj.kind === "Deployment") plan = planDeploymentRollback(obj, cluster.api.list("ReplicaSet", ns), o.toRevision, clientDryRun);
  else if (obj.kind === "StatefulSet") plan = planStatefulSetRollback(obj, cluster.api.list("ControllerRevision", ns), o.toRevision, clientDryRun);
  else throw noHelperError(infoForKind(obj.kind) ?? { kind: obj.kind, group: "" }, "rollbacker");
  switch (plan.kind) {
    // Upstream's client dry run returns the template text as the "operation" of the name line.
    case "preview":
      return printCreated(obj, o.output, o.dryRun, revisionTemplate(plan.template));
    case "skipped":
      return printCreated(obj, o.output, o.dryRun, plan.message);
    case "rollback":
      cluster.api.update(plan.deployment, { dryRun: o.dryRun === "server" });
      // kubectl prints the object it read before the patch (info.Object), not the result.
      return printCreated(obj, o.output, o.dryRun, "rolled back");
  }
}
