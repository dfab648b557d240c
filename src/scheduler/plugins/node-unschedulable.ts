// NodeUnschedulable: a cordoned node takes only pods that tolerate its unschedulable taint.
// Port of pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.

import type { FilterPlugin } from "../types";
import { SUCCESS, unresolvable } from "../types";
import { taintTolerated } from "./taint-toleration";

export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

export const TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

export const nodeUnschedulable: FilterPlugin = {
  name: "NodeUnschedulable",
  filter(pod, node) {
    if (!node.spec?.unschedulable) return SUCCESS;
    const tolerated = taintTolerated({ key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule" }, pod.spec?.tolerations);
    return tolerated ? SUCCESS : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};
