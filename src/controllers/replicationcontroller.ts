// The ReplicationController controller: the ReplicaSet controller over a map selector, as
// upstream's pkg/controller/replication/replication_controller.go wraps replica_set.go
// (kubernetes v1.32). An empty selector defaults to the template labels (API defaulting).

import type { KubeObject } from "../api/types";
import { fromMap } from "../api/selectors";
import { newReplicaManager } from "./replicaset";

export const replicationControllerController = newReplicaManager({
  name: "replication-controller",
  kind: "ReplicationController",
  selectorOf: (rc: KubeObject) => {
    const sel = rc.spec?.selector ?? rc.spec?.template?.metadata?.labels;
    return sel && Object.keys(sel).length > 0 ? fromMap(sel) : undefined;
  },
});
