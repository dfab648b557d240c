// Plain shapes of Kubernetes objects as kubesim stores them (JSON, as the API serves them).
// Only the fields kubesim reads are typed; everything else passes through untouched.

import { objectKey } from "./interned-keys";

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [field: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: unknown;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
}

/** Identifies one object: the registry's kind plus namespace ("" for cluster-scoped) and name. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** "Kind/namespace/name" — the store's key; cluster-scoped objects have an empty namespace. */
export type ObjectKey = string;

export function keyOf(ref: ObjectRef): ObjectKey {
  return objectKey(ref.kind, ref.namespace, ref.name);
}

export function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name ?? "" };
}

export function parseKey(key: ObjectKey): ObjectRef {
  const [kind, namespace, ...rest] = key.split("/");
  return { kind, namespace, name: rest.join("/") };
}
