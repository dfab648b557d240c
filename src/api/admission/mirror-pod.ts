// What a mirror (static) pod may not reference. A mirror pod carries the
// `kubernetes.io/config.mirror` annotation and is created by its node's kubelet; it may not
// point at API objects. Ports of the mirror-pod branch of Validate in
// plugin/pkg/admission/serviceaccount/admission.go (every creator) and of admitPodCreate in
// plugin/pkg/admission/noderestriction/admission.go (the kubelet's own request), with
// VisitPodSecretNames / VisitPodConfigmapNames of pkg/api/v1/pod/util.go (v1.32).

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import { forbidden } from "../errors";

export const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

type Obj = Record<string, any>;

export function isMirrorPod(pod: KubeObject): boolean {
  return pod.kind === "Pod" && pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
}

/** ServiceAccount admission: refuses a mirror pod that names a service account, a secret or a token projection. */
export function serviceAccountMirrorRefusal(pod: KubeObject): string | undefined {
  const spec: Obj = pod.spec ?? {};
  if (spec.serviceAccountName) return "a mirror pod may not reference service accounts";
  if (referencesSecrets(spec)) return "a mirror pod may not reference secrets";
  const projections = (spec.volumes ?? []).flatMap((v: Obj) => v.projected?.sources ?? []);
  if (projections.some((s: Obj) => s.serviceAccountToken)) return "a mirror pod may not use ServiceAccountToken volume projections";
  return undefined;
}

/** NodeRestriction admission: what a node may not put in a pod it creates. */
export function nodeRestrictionRefusal(pod: KubeObject, nodeName: string): string | undefined {
  const spec: Obj = pod.spec ?? {};
  if (spec.serviceAccountName) return `node "${nodeName}" can not create pods that reference a service account`;
  if (referencesSecrets(spec)) return `node "${nodeName}" can not create pods that reference secrets`;
  if (referencesConfigMaps(spec)) return `node "${nodeName}" can not create pods that reference configmaps`;
  if ((spec.volumes ?? []).some((v: Obj) => v.persistentVolumeClaim)) return `node "${nodeName}" can not create pods that reference persistentvolumeclaims`;
  return undefined;
}

/** The API server's answer to a kubelet creating this mirror pod: ServiceAccount runs before NodeRestriction. */
export function mirrorPodRefusal(pod: KubeObject, nodeName: string): string | undefined {
  const why = serviceAccountMirrorRefusal(pod) ?? nodeRestrictionRefusal(pod, nodeName);
  return why === undefined ? undefined : `pods "${pod.metadata.name}" is forbidden: ${why}`;
}

/** Admission for every creator: the ServiceAccount plugin's mirror-pod rules. */
export function admitMirrorPod(obj: KubeObject, info: ResourceInfo): void {
  if (info.kind !== "Pod" || !isMirrorPod(obj)) return;
  const why = serviceAccountMirrorRefusal(obj);
  if (why) throw forbidden("pods", obj.metadata.name ?? "", why);
}

function containersOf(spec: Obj): Obj[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
}

function referencesSecrets(spec: Obj): boolean {
  if ((spec.imagePullSecrets ?? []).length > 0) return true;
  const fromEnv = containersOf(spec).some(
    (c) => (c.envFrom ?? []).some((e: Obj) => e.secretRef) || (c.env ?? []).some((e: Obj) => e.valueFrom?.secretKeyRef),
  );
  if (fromEnv) return true;
  return (spec.volumes ?? []).some(
    (v: Obj) =>
      v.secret ||
      (v.projected?.sources ?? []).some((s: Obj) => s.secret) ||
      v.azureFile?.secretName ||
      [v.cephfs, v.cinder, v.flexVolume, v.iscsi, v.rbd, v.scaleIO, v.storageos].some((s) => s?.secretRef) ||
      v.csi?.nodePublishSecretRef,
  );
}

function referencesConfigMaps(spec: Obj): boolean {
  const fromEnv = containersOf(spec).some(
    (c) => (c.envFrom ?? []).some((e: Obj) => e.configMapRef) || (c.env ?? []).some((e: Obj) => e.valueFrom?.configMapKeyRef),
  );
  if (fromEnv) return true;
  return (spec.volumes ?? []).some((v: Obj) => v.configMap || (v.projected?.sources ?? []).some((s: Obj) => s.configMap));
}
