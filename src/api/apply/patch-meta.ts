// Which lists strategic merge patch merges item by item, and by which key: the
// `patchStrategy:"merge" patchMergeKey:"…"` struct tags of k8s.io/api for the kinds kubesim
// models. Lists not named here are atomic (a patch replaces them whole), as upstream treats
// fields without a patch strategy (tolerations, command, args, envFrom, …).

export type ListStrategy =
  | { readonly type: "atomic" }
  | { readonly type: "merge"; readonly key: string }
  /** A list of scalars merged as a set (metadata.finalizers). */
  | { readonly type: "set" };

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

const BY_NAME: Readonly<Record<string, string>> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  imagePullSecrets: "name",
  hostAliases: "ip",
  conditions: "type",
  ownerReferences: "uid",
  topologySpreadConstraints: "topologyKey",
  resourceClaims: "name",
  schedulingGates: "name",
};

/** The strategy of the list at `path` (field names from the object's root; list items add nothing). */
export function listStrategy(path: readonly string[]): ListStrategy {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  if (field === "finalizers" && parent === "metadata") return { type: "set" };
  if (field === "ports") {
    if (parent !== undefined && CONTAINER_LISTS.has(parent)) return { type: "merge", key: "containerPort" };
    if (path.length === 2 && parent === "spec") return { type: "merge", key: "port" };
    return { type: "atomic" };
  }
  // status.containerStatuses and friends have no strategy; conditions are keyed everywhere.
  const key = field !== undefined && Object.hasOwn(BY_NAME, field) ? BY_NAME[field] : undefined;
  return key ? { type: "merge", key } : { type: "atomic" };
}
