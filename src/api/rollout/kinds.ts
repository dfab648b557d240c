// Which kinds the rollout helpers know, and kubectl's words for the ones they do not.
// kubectl dispatches through apps.GroupKindElement.Accept (staging/src/k8s.io/kubectl/pkg/apps/
// kind_visitor.go): kinds it can visit but has no helper for get "no … has been implemented
// for", anything else "error retrieving … for". StatefulSet history and rollback live in
// statefulset.ts; DaemonSet's arrive with its ControllerRevisions, so it answers like ReplicaSet.

import { UsageError } from "../errors";
import type { ResourceInfo } from "../registry";

/** Kinds (and groups) GroupKindElement.Accept visits. */
const VISITABLE: Readonly<Record<string, readonly string[]>> = {
  DaemonSet: ["apps", "extensions"],
  Deployment: ["apps", "extensions"],
  Job: ["batch"],
  Pod: ["", "core"],
  ReplicaSet: ["apps", "extensions"],
  ReplicationController: ["", "core"],
  StatefulSet: ["apps"],
  CronJob: ["batch"],
};

/** schema.GroupKind.String(): "Pod", "ReplicaSet.apps". */
export function groupKindString(info: Pick<ResourceInfo, "kind" | "group">): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/**
 * The error for a kind without a helper: `no history viewer has been implemented for
 * "ReplicaSet.apps"`, or for kinds the visitor does not know `error retrieving history for
 * "Service", no visitor method exists for { Service}` (Go's %v of the GroupKind struct).
 */
export function noHelperError(info: Pick<ResourceInfo, "kind" | "group">, helper: "history viewer" | "rollbacker"): UsageError {
  const gk = groupKindString(info);
  if (VISITABLE[info.kind]?.includes(info.group)) return new UsageError(`no ${helper} has been implemented for ${JSON.stringify(gk)}`);
  const what = helper === "history viewer" ? "history" : "rollbacker";
  return new UsageError(`error retrieving ${what} for ${JSON.stringify(gk)}, no visitor method exists for {${info.group} ${info.kind}}`);
}
