// Port of plugin/pkg/admission/serviceaccount (admission.go, v1.32): a pod's ServiceAccount
// must exist, and every pod gets its API credentials as a projected `kube-api-access-<5>`
// volume, mounted read-only at /var/run/secrets/kubernetes.io/serviceaccount in every
// container, unless automountServiceAccountToken is false.

import type { KubeObject } from "../types";
import type { Rng } from "../../sim/random";
import type { ApiServer } from "../server";
import { forbidden } from "../errors";
import { deepFreeze } from "../deep-freeze";

/**
 * A pod naming a ServiceAccount its namespace lacks is forbidden. The "default" account is
 * taken on trust: upstream waits for the ServiceAccount controller, which creates it in every
 * namespace (controllers/serviceaccount.ts).
 */
export function requireServiceAccount(pod: KubeObject, api: ApiServer, podName: string): void {
  if (pod.kind !== "Pod" || pod.metadata.annotations?.["kubernetes.io/config.mirror"]) return;
  const ns = pod.metadata.namespace ?? "default";
  const name = pod.spec?.serviceAccountName || "default";
  if (name === "default" || api.tryGet("ServiceAccount", ns, name)) return;
  throw forbidden("pods", podName, `error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`);
}

export const SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

export function mountServiceAccountToken(pod: KubeObject, rng: Rng): void {
  if (pod.kind !== "Pod" || !pod.spec) return;
  const spec = pod.spec;
  if (spec.automountServiceAccountToken === false) return;
  // Static (mirror) pods may not reference API objects; the kubelet creates them without one.
  if (pod.metadata.annotations?.["kubernetes.io/config.mirror"]) return;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const mounted = containers.some((c: any) => (c.volumeMounts ?? []).some((m: any) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (mounted) return;
  const name = `kube-api-access-${rng.suffix(5)}`;
  spec.volumes = [...(spec.volumes ?? []), projectedVolume(name)];
  for (const c of containers) {
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true }];
  }
}

function projectedVolume(name: string): Record<string, unknown> {
  return { name, projected: PROJECTION };
}

/** The same for every Pod: one frozen object shared by all (a state holds thousands). */
const PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
    { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
  ],
});
