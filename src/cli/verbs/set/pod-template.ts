// "The pod spec of this object", per kind: kubectl's polymorphichelpers.updatePodSpecForObject
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/updatepodspec.go) as a registry from Kind
// to the path of its PodSpec. The set verbs mutate the spec in place on a copy of the object.

import type { KubeObject } from "../../../api/types";
import { infoForKind } from "../../../api/registry";

/** The fields of a PodSpec the set verbs touch; the rest is carried along untouched. */
export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  [field: string]: unknown;
}

export interface ContainerLike {
  name: string;
  image?: string;
  env?: EnvVarLike[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string>; [field: string]: unknown };
  [field: string]: unknown;
}

export interface EnvVarLike {
  name: string;
  value?: string;
  valueFrom?: Record<string, any>;
}

const TEMPLATE = ["spec", "template", "spec"];

/** Where each kind with a pod template keeps its PodSpec. */
const POD_SPEC_PATH: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  ReplicationController: TEMPLATE,
  Deployment: TEMPLATE,
  ReplicaSet: TEMPLATE,
  StatefulSet: TEMPLATE,
  DaemonSet: TEMPLATE,
  Job: TEMPLATE,
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** The object's PodSpec (a live reference into obj), creating empty parents as Go's zero values would. */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const path = POD_SPEC_PATH[obj.kind];
  if (!path) return undefined;
  let cur: Record<string, unknown> = obj as unknown as Record<string, unknown>;
  for (const field of path) {
    if (typeof cur[field] !== "object" || cur[field] === null) cur[field] = {};
    cur = cur[field] as Record<string, unknown>;
  }
  return cur as PodSpecLike;
}

/** updatePodSpecForObject's error for other kinds: `… pod template: *v1.Service` (the Go type). */
export function noPodTemplate(obj: KubeObject): string {
  const version = infoForKind(obj.kind)?.version ?? "v1";
  return `the object is not a pod or does not have a pod template: *${version}.${obj.kind}`;
}

/**
 * selectString (cmd/set/helper.go): `*` matches everything, a spec without `*` must equal the
 * name, and `a*b` matches names starting with a and ending with b.
 */
export function selectString(s: string, spec: string): boolean {
  if (spec === "*") return true;
  if (!spec.includes("*")) return s === spec;
  const parts = spec.split("*");
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === "") continue;
    const next = s.indexOf(part, pos);
    if (next < 0 || (i === 0 && next !== 0)) return false;
    if (i === parts.length - 1 && s.length !== part.length + next) return false;
    pos = next + part.length;
  }
  return true;
}

/** selectContainers over containers then init containers, the order `set env`/`set resources` use. */
export function selectContainers(spec: PodSpecLike, selector: string): ContainerLike[] {
  const pick = (list: ContainerLike[] | undefined) => (list ?? []).filter((c) => selectString(c.name, selector));
  return [...pick(spec.containers), ...pick(spec.initContainers)];
}
