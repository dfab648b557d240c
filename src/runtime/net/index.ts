// The simulated cluster network a container's process sees (runtime/types.ts Network).

export { clusterNetwork } from "./cluster-network";
export { resolveName, searchCandidates, KUBERNETES_SERVICE_IP } from "./dns";
export { servicePods, isPodReady } from "./endpoints";
export { podHttpAnswer } from "./container-answer";
export type { HttpResponse } from "./container-answer";
