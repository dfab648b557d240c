// The API server's own validation, per kind: a registry of small validators (semantics/*).
// Objects are validated as the API server sees them: after defaulting, which happens when
// a request is decoded, so e.g. a missing restartPolicy is never "Required". Callers pass the
// new object defaulted (the server defaults before it validates; defaulting here again cost a
// deep copy of every object). The stored object of an update is defaulted here, as upstream
// defaults what it reads from etcd: one saved before a default was added still compares alike.

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { FieldIssue } from "./issues";
import { applyDefaults } from "../defaulting";
import { validateObjectMetaUpdate, type Obj } from "./semantics/common";
import { validatePod, validatePodUpdate } from "./semantics/pod";
import { validateDeployment, validateReplicaSet, validateReplicationController, validateSelectorUpdate } from "./semantics/workloads";
import { validateService, validateServiceUpdate } from "./semantics/service";
import { validateStatefulSet, validateStatefulSetUpdate } from "./semantics/statefulset";
import { validateNode } from "./semantics/node";
import { validateDaemonSet } from "./semantics/daemonset";
import { validateJob, validateJobUpdate } from "./semantics/job";
import { validatePersistentVolumeClaim } from "./semantics/persistent-volume-claim";
import { validatePersistentVolume } from "./semantics/persistent-volume";
import { validateCronJob } from "./semantics/cronjob";
import { validateHorizontalPodAutoscaler } from "./semantics/horizontal-pod-autoscaler";
import { validateConfigMap, validateImmutableData, validateSecret, validateSecretUpdate } from "./semantics/config";
import { validateEndpointSlice, validateEndpoints } from "./semantics/endpoints";

interface KindRules {
  readonly create: (obj: Obj) => FieldIssue[];
  readonly update?: (newObj: Obj, oldObj: Obj) => FieldIssue[];
}

const RULES: Record<string, KindRules> = {
  Pod: { create: validatePod, update: validatePodUpdate },
  Deployment: { create: validateDeployment, update: validateSelectorUpdate },
  ReplicaSet: { create: validateReplicaSet, update: validateSelectorUpdate },
  ReplicationController: { create: validateReplicationController },
  StatefulSet: { create: validateStatefulSet, update: validateStatefulSetUpdate },
  DaemonSet: { create: validateDaemonSet, update: validateSelectorUpdate },
  Node: { create: validateNode },
  Job: { create: validateJob, update: validateJobUpdate },
  CronJob: { create: validateCronJob },
  HorizontalPodAutoscaler: { create: validateHorizontalPodAutoscaler },
  PersistentVolume: { create: validatePersistentVolume },
  PersistentVolumeClaim: { create: validatePersistentVolumeClaim },
  Service: { create: validateService, update: validateServiceUpdate },
  ConfigMap: { create: validateConfigMap, update: (n, o) => validateImmutableData(n, o, ["data", "binaryData"]) },
  Secret: { create: validateSecret, update: validateSecretUpdate },
  // ValidateEndpointsUpdate and ValidateEndpointSliceUpdate check the new object as on create.
  Endpoints: { create: validateEndpoints, update: (n) => validateEndpoints(n) },
  EndpointSlice: { create: validateEndpointSlice, update: (n) => validateEndpointSlice(n) },
};

/** What the kind's validator says about obj as a new object. */
export function validateSemantics(obj: KubeObject, info: ResourceInfo): FieldIssue[] {
  return RULES[info.kind]?.create(obj) ?? [];
}

/** What changing old into obj breaks: identity metadata, then the kind's immutable fields. */
export function validateUpdateSemantics(old: KubeObject, obj: KubeObject, info: ResourceInfo): FieldIssue[] {
  const stored = applyDefaults(old);
  return [...validateObjectMetaUpdate(obj.metadata, stored.metadata), ...(RULES[info.kind]?.update?.(obj, stored) ?? [])];
}
