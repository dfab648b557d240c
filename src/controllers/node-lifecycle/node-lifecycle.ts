// The node lifecycle controller (node-controller): notices a kubelet that stopped posting
// status, sets the node's conditions to Unknown once the grace period is over, marks its pods
// not Ready, and keeps the not-ready/unreachable taints in step with the Ready condition.
// Port of monitorNodeHealth, tryUpdateNodeHealth, the tainting passes of
// pkg/controller/nodelifecycle/node_lifecycle_controller.go and MarkPodsNotReady in
// pkg/controller/util/node/controller_utils.go (v1.32). The kubelet's heartbeats are not
// written to the store: its runtime record says when it stopped (kubelet/kubelet-health.ts),
// and the controller comes back when the grace period runs out instead of polling every 5s.

import type { Condition, KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, EventNote, Outcome, Write } from "../types";
import { NOTHING, self } from "../types";
import type { Duration, Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";
import { readKubeletHealth } from "../../kubelet/kubelet-health";
import { graceExpiresAt, readyStatus, unknownConditions } from "./node-health";
import type { NodeTaint } from "./node-taints";
import { reconcileTaints, removedNoExecute } from "./node-taints";
import { taintTolerated } from "../../scheduler/plugins/taint-toleration";
import type { Taint, Toleration } from "../../scheduler/plugins/taint-toleration";
import { deepCopy } from "../../api/deep-copy";

export const NODE_LIFECYCLE_CONTROLLER = "node-lifecycle-controller";
const SOURCE = "node-controller";
const TAINT_EVICTION_SOURCE = "taint-eviction-controller";

export const nodeLifecycleController: Controller = {
  name: NODE_LIFECYCLE_CONTROLLER,
  primary: "Node",
  wakeOn: [self("Node")],
  reconcile(view, key, now) {
    const node = view.get(key);
    if (!node) return NOTHING;
    return silentKubelet(view, node, now) ?? taints(view, node, now) ?? podsNotReady(view, node, now) ?? NOTHING;
  },
};

/** A kubelet that stopped posting: wait out the grace period, then report the node Unknown. */
function silentKubelet(view: ClusterView, node: KubeObject, now: Instant): Outcome | undefined {
  const stoppedAt = readKubeletHealth(view, node.metadata.name ?? "").stoppedAt;
  if (stoppedAt === undefined) return undefined;
  const conditions = (node.status?.conditions ?? []) as Condition[];
  const next = unknownConditions(conditions, now);
  if (next.every((c, i) => c === conditions[i])) return undefined;
  const due = graceExpiresAt(stoppedAt);
  if (now < due) return { writes: [], events: [], requeueAfter: (due - now) as Duration };
  const updated = { ...deepCopy(node), status: { ...node.status, conditions: next } };
  const events: EventNote[] =
    readyStatus(node) === "True"
      ? [{ regarding: node, type: "Normal", reason: "NodeNotReady", message: `Node ${node.metadata.name} status is now: NodeNotReady`, source: SOURCE }]
      : [];
  return { writes: [{ op: "updateStatus", object: updated }], events };
}

/** The not-ready/unreachable taints follow the Ready condition; lifting a NoExecute one cancels evictions. */
function taints(view: ClusterView, node: KubeObject, now: Instant): Outcome | undefined {
  const next = reconcileTaints(node, readyStatus(node), now);
  if (!next) return undefined;
  const updated = deepCopy(node);
  if (next.length > 0) updated.spec = { ...updated.spec, taints: next };
  else delete updated.spec?.taints;
  const lifted = removedNoExecute((node.spec?.taints ?? []) as NodeTaint[], next);
  return { writes: [{ op: "update", object: updated }], events: lifted.length > 0 ? cancelledEvictions(view, node, lifted) : [] };
}

/**
 * The taint eviction controller's "Cancelling deletion" for every pod whose eviction was
 * scheduled under a taint that is now gone (tolerated for a limited time, not yet deleted).
 */
function cancelledEvictions(view: ClusterView, node: KubeObject, lifted: readonly NodeTaint[]): EventNote[] {
  return view
    .podsOnNode(node.metadata.name ?? "")
    .filter((p) => !p.metadata.deletionTimestamp)
    .filter((p) => lifted.some((t) => scheduledUnder(t as Taint, (p.spec?.tolerations ?? []) as Toleration[])))
    .map((p) => ({
      regarding: p,
      type: "Normal" as const,
      reason: "TaintManagerEviction",
      message: `Cancelling deletion of Pod ${p.metadata.namespace}/${p.metadata.name}`,
      source: TAINT_EVICTION_SOURCE,
    }));
}

function scheduledUnder(taint: Taint, tolerations: readonly Toleration[]): boolean {
  const match = tolerations.find((t) => taintTolerated(taint, [t]));
  return match !== undefined && match.tolerationSeconds !== undefined;
}

/** MarkPodsNotReady: a node that is not Ready takes its pods out of service (Ready=False). */
function podsNotReady(view: ClusterView, node: KubeObject, now: Instant): Outcome | undefined {
  if (readyStatus(node) === "True") return undefined;
  const writes: Write[] = [];
  const events: EventNote[] = [];
  for (const pod of view.podsOnNode(node.metadata.name ?? "")) {
    const conditions = (pod.status?.conditions ?? []) as Condition[];
    if (!conditions.some((c) => c.type === "Ready" && c.status === "True")) continue;
    const next = conditions.map((c) => (c.type === "Ready" ? { ...c, status: "False", lastTransitionTime: toRFC3339(now) } : c));
    writes.push({ op: "updateStatus", object: { ...deepCopy(pod), status: { ...pod.status, conditions: next } } });
    events.push({ regarding: pod, type: "Warning", reason: "NodeNotReady", message: "Node is not ready", source: SOURCE });
  }
  return writes.length > 0 ? { writes, events } : undefined;
}
