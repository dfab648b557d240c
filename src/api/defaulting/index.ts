// The API server's defaulting, by kind: each entry mutates a private copy in place.

import type { KubeObject } from "../types";
import { defaultPod } from "./pod";
import { defaultDeployment } from "./deployment";
import { defaultReplicaSet } from "./replicaset";
import { defaultReplicationController } from "./replication-controller";
import { defaultService } from "./service";
import { defaultNamespace } from "./namespace";
import { defaultSecret } from "./secret";
import { defaultPersistentVolume, defaultPersistentVolumeClaim } from "./persistent-volume";
import { defaultStatefulSet } from "./statefulset";
import { defaultEndpointSlice, defaultEndpoints } from "./endpoints";
import { defaultCronJob, defaultJob } from "./job";
import { deepCopy } from "../deep-copy";

type Defaulter = (obj: KubeObject) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  Pod: defaultPod,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  ReplicationController: defaultReplicationController,
  Service: defaultService,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  StatefulSet: defaultStatefulSet,
  Endpoints: defaultEndpoints,
  EndpointSlice: defaultEndpointSlice,
  Job: defaultJob,
  CronJob: defaultCronJob,
};

/** A defaulted deep copy of obj; kinds without defaults come back as a plain copy. */
export function applyDefaults(obj: KubeObject): KubeObject {
  return defaultInPlace(deepCopy(obj));
}

/** Defaults obj itself, a copy its caller owns (the API server's decoded request), and returns it. */
export function defaultInPlace(obj: KubeObject): KubeObject {
  obj.metadata ??= {};
  DEFAULTERS[obj.kind]?.(obj);
  return obj;
}
