// Pods from a template: GetPodFromTemplate and getPodsPrefix from pkg/controller/controller_utils.go
// (kubernetes v1.32), plus the API server's generateName rule (prefix cut to 58 characters,
// then 5 random characters), applied here so pod names come out as the API server makes them.

import type { KubeObject, OwnerReference } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Rng } from "../../sim/random";

/** maxGeneratedNameLength = 63 - 5 (names.SimpleNameGenerator). */
const MAX_GENERATED_PREFIX = 58;
const SUFFIX_LENGTH = 5;

/** getPodsPrefix: "<controller>-". */
export function getPodsPrefix(controllerName: string): string {
  return `${controllerName}-`;
}

/**
 * A pod for `namespace` from the template, owned by controllerRef, named like the API server's
 * generateName would (a name already taken, in the view or in `taken`, is drawn again). Its
 * spec is the template's own: a create stores a copy.
 */
export function getPodFromTemplate(
  template: KubeObject["spec"],
  parentName: string,
  namespace: string,
  controllerRef: OwnerReference,
  view: ClusterView,
  rng: Rng,
  taken: Set<string>,
): KubeObject {
  const prefix = getPodsPrefix(parentName);
  let name = "";
  do name = prefix.slice(0, MAX_GENERATED_PREFIX) + rng.suffix(SUFFIX_LENGTH);
  while (taken.has(name) || view.get(`Pod/${namespace}/${name}`));
  taken.add(name);
  const meta = template?.metadata ?? {};
  const metadata: KubeObject["metadata"] = { name, generateName: prefix, namespace };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  metadata.ownerReferences = [controllerRef];
  return { apiVersion: "v1", kind: "Pod", metadata, spec: template?.spec ?? {} };
}
