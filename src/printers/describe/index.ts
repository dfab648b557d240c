// The describer registry by kind (STYLE: registries, not switches); other kinds get the
// generic describer.

import type { KubeObject } from "../../api/types";
import { describeConfigMap } from "./configmap";
import { describeCronJob } from "./cronjob";
import { describeDeployment } from "./deployment";
import { describeGeneric } from "./generic";
import { describeJob } from "./job";
import { describeNamespace } from "./namespace";
import { describeNode } from "./node";
import { describeService } from "./service";
import { describeEndpoints } from "./endpoints";
import { describeEndpointSlice } from "./endpointslice";
import { describePod } from "./pod";
import type { DescribeContext, Describer } from "./render";
import { describeReplicaSet, describeReplicationController } from "./replicaset";
import { describeStatefulSet } from "./statefulset";
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from "./storage";

export type { DescribeContext } from "./render";

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  ReplicationController: describeReplicationController,
  StatefulSet: describeStatefulSet,
  Job: describeJob,
  CronJob: describeCronJob,
  ConfigMap: describeConfigMap,
  Node: describeNode,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Namespace: describeNamespace,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  PersistentVolume: describePersistentVolume,
  StorageClass: describeStorageClass,
};

/** The text of `kubectl describe` for one object, ending in "\n". */
export function describe(obj: KubeObject, ctx: DescribeContext): string {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(obj, ctx);
}

/** Several descriptions, separated as kubectl separates them (two blank lines between). */
export function describeAll(objects: readonly KubeObject[], ctx: DescribeContext): string {
  return objects.map((o) => describe(o, ctx)).join("\n\n");
}
