// How env resolution and volume projection read ConfigMaps and Secrets: through a lookup the
// caller backs with its store (the kubelet's configMapManager/secretManager), namespace-scoped
// to the pod, so that neither module touches the store itself.

import type { KubeObject } from "../../api/types/meta";

export interface ConfigLookup {
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
}

/** A lookup over a plain list of objects (tests, and callers that already hold them). */
export function lookupFrom(objects: readonly KubeObject[]): ConfigLookup {
  const find = (kind: string, ns: string, name: string) =>
    objects.find((o) => o.kind === kind && (o.metadata.namespace ?? "") === ns && o.metadata.name === name);
  return {
    configMap: (ns, name) => find("ConfigMap", ns, name),
    secret: (ns, name) => find("Secret", ns, name),
  };
}

/** A Secret's data decoded from base64 (stringData is write-only and never stored). */
export function decodeSecretData(secret: KubeObject): Record<string, string> {
  const data = (secret.data ?? {}) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = Buffer.from(v, "base64").toString("utf8");
  return out;
}
