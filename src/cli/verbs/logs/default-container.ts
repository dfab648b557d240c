// Which container of a pod logs/exec use without -c (staging/src/k8s.io/kubectl/pkg/cmd/util/
// podcmd/podcmd.go FindOrDefaultContainerByName): the default-container annotation, else the
// first container, with a notice naming the others.

import type { KubeObject } from "../../../api/types";
import type { Writer } from "../../verb";

export const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

interface ContainerSpec {
  readonly name: string;
}

/** AllContainerNames: regular, then ephemeral `(ephem)`, then init `(init)` containers. */
export function allContainerNames(pod: KubeObject): string {
  const names = (list: ContainerSpec[] | undefined, suffix: string) => (list ?? []).map((c) => c.name + suffix);
  return [...names(pod.spec?.containers, ""), ...names(pod.spec?.ephemeralContainers, " (ephem)"), ...names(pod.spec?.initContainers, " (init)")].join(", ");
}

/** FindContainerByName over regular, init and ephemeral containers. */
export function hasContainer(pod: KubeObject, name: string): boolean {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])] as ContainerSpec[];
  return all.some((c) => c.name === name);
}

/**
 * The container name to use: `requested` when given, else the annotation's, else the first
 * container (announcing the choice on `warn` when the pod has others, unless quiet).
 */
export function defaultContainer(pod: KubeObject, requested: string, warn: Writer, quiet = false): string {
  if (requested !== "") return requested;
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && hasContainer(pod, annotated)) return annotated;
  const containers = (pod.spec?.containers ?? []) as ContainerSpec[];
  const others = containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0;
  if (!quiet && others) warn.write(`Defaulted container "${containers[0].name}" out of: ${allContainerNames(pod)}\n`);
  return containers[0]?.name ?? "";
}
