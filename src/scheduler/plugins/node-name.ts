// NodeName: a pod that names a node may only go there.
// Port of pkg/scheduler/framework/plugins/nodename/node_name.go.

import type { FilterPlugin } from "../types";
import { SUCCESS, unresolvable } from "../types";

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = {
  name: "NodeName",
  filter(pod, node) {
    const wanted = pod.spec?.nodeName;
    if (!wanted || wanted === node.metadata.name) return SUCCESS;
    return unresolvable(ERR_REASON_NODE_NAME);
  },
};
