// The registry of table handlers by kind (STYLE: registries, not switches). Kinds without an
// entry print the API server's default NAME / CREATED AT table.

import { controllerRevisionTable, leaseTable, priorityClassTable } from "./coordination";
import { configMapTable } from "./configmap";
import { cronJobTable } from "./cronjob";
import { daemonSetTable } from "./daemonset";
import { defaultTable } from "./default";
import { deploymentTable } from "./deployment";
import { endpointsTable } from "./endpoints";
import { endpointSliceTable } from "./endpointslice";
import { eventTable } from "./event";
import { hpaTable } from "./hpa";
import { jobTable } from "./job";
import { namespaceTable } from "./namespace";
import { nodeTable } from "./node";
import { podTable } from "./pod";
import { replicaSetTable, replicationControllerTable } from "./replicaset";
import { secretTable } from "./secret";
import { serviceTable } from "./service";
import { serviceAccountTable } from "./serviceaccount";
import { statefulSetTable } from "./statefulset";
import { persistentVolumeClaimTable, persistentVolumeTable, storageClassTable } from "./storage";
import type { TableHandler } from "./types";

const HANDLERS: ReadonlyMap<string, TableHandler> = new Map(
  [
    podTable,
    deploymentTable,
    replicaSetTable,
    replicationControllerTable,
    statefulSetTable,
    daemonSetTable,
    jobTable,
    cronJobTable,
    serviceTable,
    endpointsTable,
    endpointSliceTable,
    nodeTable,
    namespaceTable,
    configMapTable,
    secretTable,
    serviceAccountTable,
    eventTable,
    persistentVolumeClaimTable,
    persistentVolumeTable,
    storageClassTable,
    hpaTable,
    leaseTable,
    controllerRevisionTable,
    priorityClassTable,
  ].map((h) => [h.kind, h]),
);

/** The handler for a Kind ("Pod", "Deployment"); the default table for any other kind. */
export function tableHandlerFor(kind: string): TableHandler {
  return HANDLERS.get(kind) ?? defaultTable(kind);
}

/** Kinds with a dedicated handler (for conformance suites). */
export function kindsWithTables(): string[] {
  return [...HANDLERS.keys()];
}
