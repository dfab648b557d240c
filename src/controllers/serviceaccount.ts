// Port of pkg/controller/serviceaccount/serviceaccounts_controller.go and
// pkg/controller/certificates/rootcacertpublisher: every active namespace gets a `default`
// ServiceAccount and the `kube-root-ca.crt` ConfigMap, recreated if deleted.

import type { KubeObject } from "../api/types";
import type { Controller, EventNote, Outcome, Write } from "./types";
import { NOTHING } from "./types";

/** A stand-in CA bundle: what pods see at /var/run/secrets/kubernetes.io/serviceaccount/ca.crt. */
export const ROOT_CA_CRT =
  "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubesimRootCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n-----END CERTIFICATE-----\n";

export const serviceAccountController = {
  name: "serviceaccount",
  primary: "Namespace",
  wakeOn: [
    { kind: "Namespace", keysFor: (ns: KubeObject) => [`Namespace//${ns.metadata.name}`] },
    { kind: "ServiceAccount", keysFor: (sa: KubeObject) => [`Namespace//${sa.metadata.namespace}`] },
    { kind: "ConfigMap", keysFor: (cm: KubeObject) => (cm.metadata.name === "kube-root-ca.crt" ? [`Namespace//${cm.metadata.namespace}`] : []) },
  ],
  reconcile(view, key): Outcome {
    const ns = view.get(key);
    if (!ns || ns.metadata.deletionTimestamp) return NOTHING;
    const name = ns.metadata.name!;
    const writes: Write[] = [];
    if (!view.get(`ServiceAccount/${name}/default`)) {
      writes.push({ op: "create", object: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name } } });
    }
    if (!view.get(`ConfigMap/${name}/kube-root-ca.crt`)) {
      writes.push({
        op: "create",
        object: {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: {
            name: "kube-root-ca.crt",
            namespace: name,
            annotations: { "kubernetes.io/description": ROOT_CA_DESCRIPTION },
          },
          data: { "ca.crt": ROOT_CA_CRT },
        },
      });
    }
    return { writes, events: [] as EventNote[] };
  },
} satisfies Controller;

const ROOT_CA_DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";
