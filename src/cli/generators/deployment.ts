// The object `kubectl create deployment` builds, as createDeployment/buildPodSpec in
// staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go build it (Go field order).

import type { KubeObject } from "../../api/types";
import type { Rng } from "../../sim/random";

export interface DeploymentParams {
  readonly name: string;
  readonly images: readonly string[];
  readonly replicas: number;
  /** -1: no port. */
  readonly port: number;
  readonly command: readonly string[];
  /** Set only when -n was given (kubectl's EnforceNamespace). */
  readonly namespace?: string;
}

export function buildDeployment(p: DeploymentParams, rng: Rng): KubeObject {
  const labels = () => ({ app: p.name });
  const containers: Record<string, unknown>[] = p.images.map((image) => ({
    name: containerNameForImage(image, rng),
    image,
    ...(p.command.length > 0 ? { command: [...p.command] } : {}),
    resources: {},
  }));
  if (p.port >= 0 && containers.length > 0) {
    const [first] = containers;
    containers[0] = { name: first.name, image: first.image, ...(first.command ? { command: first.command } : {}), ports: [{ containerPort: p.port }], resources: {} };
  }
  return {
    kind: "Deployment",
    apiVersion: "apps/v1",
    metadata: { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null as unknown as string, labels: labels() },
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: labels() },
      template: { metadata: { creationTimestamp: null, labels: labels() }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/**
 * The container name kubectl derives from an image: the last path segment without tag or
 * digest; a name with `_` or `.` has them turned into `-` plus a random 5-letter suffix
 * (sanitizeAndUniquify).
 * @example containerNameForImage("registry.k8s.io/pause:3.9") === "pause"
 */
export function containerNameForImage(image: string, rng: Rng): string {
  const segments = image.split("/");
  let name = segments[segments.length - 1];
  if (name.includes(":")) name = name.split(":")[0];
  if (name.includes("@")) name = name.split("@")[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, "-")}-${rng.suffix(5)}`;
  return name;
}
