// The engine wired to every control loop. Loaded on demand (sim/cluster.ts loadEngine): a
// command that reads a quiet cluster never compiles the controllers, scheduler and kubelets.

import type { Cluster } from "./cluster";
import type { Duration } from "./time";
import { advance, settle, wire } from "./engine";
import { COMPONENTS } from "./components";

const wiring = wire(COMPONENTS);

export function settleCluster(cluster: Cluster): void {
  settle(cluster, wiring);
}

export function advanceCluster(cluster: Cluster, by: Duration, onStep?: () => boolean): boolean {
  return advance(cluster, wiring, by, onStep);
}
