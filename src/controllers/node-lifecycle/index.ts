// The node lifecycle controllers: node health and taints (node-controller) and NoExecute
// evictions (taint-eviction-controller), as kube-controller-manager runs them since 1.29.

export { nodeLifecycleController, NODE_LIFECYCLE_CONTROLLER } from "./node-lifecycle";
export { taintEvictionController, TAINT_EVICTION_CONTROLLER } from "./taint-eviction";
export { NODE_MONITOR_GRACE_PERIOD } from "./node-health";
