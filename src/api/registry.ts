// The API server's resource registry: every resource that `kubectl api-resources` lists on a
// v1.32 cluster with default feature gates, with its group/version, plural, short names and
// scope. kubesim stores objects of any of them; controllers exist for some.

export interface ResourceInfo {
  readonly kind: string;
  readonly group: string; // "" for the core group
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
}

const CRUD = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const CREATE_ONLY = ["create"];

// [plural, shortNames, group/version, namespaced, kind, categories?, verbs?]
type Row = [string, string, string, boolean, string, string?, string[]?];

const ROWS: readonly Row[] = [
  ["bindings", "", "v1", true, "Binding", "", CREATE_ONLY],
  ["componentstatuses", "cs", "v1", false, "ComponentStatus", "", ["get", "list"]],
  ["configmaps", "cm", "v1", true, "ConfigMap"],
  ["endpoints", "ep", "v1", true, "Endpoints"],
  ["events", "ev", "v1", true, "Event"],
  ["limitranges", "limits", "v1", true, "LimitRange"],
  ["namespaces", "ns", "v1", false, "Namespace", "", ["create", "delete", "get", "list", "patch", "update", "watch"]],
  ["nodes", "no", "v1", false, "Node"],
  ["persistentvolumeclaims", "pvc", "v1", true, "PersistentVolumeClaim"],
  ["persistentvolumes", "pv", "v1", false, "PersistentVolume"],
  ["pods", "po", "v1", true, "Pod", "all"],
  ["podtemplates", "", "v1", true, "PodTemplate"],
  ["replicationcontrollers", "rc", "v1", true, "ReplicationController", "all"],
  ["resourcequotas", "quota", "v1", true, "ResourceQuota"],
  ["secrets", "", "v1", true, "Secret"],
  ["serviceaccounts", "sa", "v1", true, "ServiceAccount"],
  ["services", "svc", "v1", true, "Service", "all"],
  ["mutatingwebhookconfigurations", "", "admissionregistration.k8s.io/v1", false, "MutatingWebhookConfiguration", "api-extensions"],
  ["validatingadmissionpolicies", "", "admissionregistration.k8s.io/v1", false, "ValidatingAdmissionPolicy", "api-extensions"],
  ["validatingadmissionpolicybindings", "", "admissionregistration.k8s.io/v1", false, "ValidatingAdmissionPolicyBinding", "api-extensions"],
  ["validatingwebhookconfigurations", "", "admissionregistration.k8s.io/v1", false, "ValidatingWebhookConfiguration", "api-extensions"],
  ["customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", false, "CustomResourceDefinition", "api-extensions"],
  ["apiservices", "", "apiregistration.k8s.io/v1", false, "APIService", "api-extensions"],
  ["controllerrevisions", "", "apps/v1", true, "ControllerRevision"],
  ["daemonsets", "ds", "apps/v1", true, "DaemonSet", "all"],
  ["deployments", "deploy", "apps/v1", true, "Deployment", "all"],
  ["replicasets", "rs", "apps/v1", true, "ReplicaSet", "all"],
  ["statefulsets", "sts", "apps/v1", true, "StatefulSet", "all"],
  ["selfsubjectreviews", "", "authentication.k8s.io/v1", false, "SelfSubjectReview", "", CREATE_ONLY],
  ["tokenreviews", "", "authentication.k8s.io/v1", false, "TokenReview", "", CREATE_ONLY],
  ["localsubjectaccessreviews", "", "authorization.k8s.io/v1", true, "LocalSubjectAccessReview", "", CREATE_ONLY],
  ["selfsubjectaccessreviews", "", "authorization.k8s.io/v1", false, "SelfSubjectAccessReview", "", CREATE_ONLY],
  ["selfsubjectrulesreviews", "", "authorization.k8s.io/v1", false, "SelfSubjectRulesReview", "", CREATE_ONLY],
  ["subjectaccessreviews", "", "authorization.k8s.io/v1", false, "SubjectAccessReview", "", CREATE_ONLY],
  ["horizontalpodautoscalers", "hpa", "autoscaling/v2", true, "HorizontalPodAutoscaler", "all"],
  ["cronjobs", "cj", "batch/v1", true, "CronJob", "all"],
  ["jobs", "", "batch/v1", true, "Job", "all"],
  ["certificatesigningrequests", "csr", "certificates.k8s.io/v1", false, "CertificateSigningRequest"],
  ["leases", "", "coordination.k8s.io/v1", true, "Lease"],
  ["endpointslices", "", "discovery.k8s.io/v1", true, "EndpointSlice"],
  ["events", "ev", "events.k8s.io/v1", true, "Event"],
  ["flowschemas", "", "flowcontrol.apiserver.k8s.io/v1", false, "FlowSchema"],
  ["prioritylevelconfigurations", "", "flowcontrol.apiserver.k8s.io/v1", false, "PriorityLevelConfiguration"],
  ["ingressclasses", "", "networking.k8s.io/v1", false, "IngressClass"],
  ["ingresses", "ing", "networking.k8s.io/v1", true, "Ingress"],
  ["networkpolicies", "netpol", "networking.k8s.io/v1", true, "NetworkPolicy"],
  ["runtimeclasses", "", "node.k8s.io/v1", false, "RuntimeClass"],
  ["poddisruptionbudgets", "pdb", "policy/v1", true, "PodDisruptionBudget"],
  ["clusterrolebindings", "", "rbac.authorization.k8s.io/v1", false, "ClusterRoleBinding"],
  ["clusterroles", "", "rbac.authorization.k8s.io/v1", false, "ClusterRole"],
  ["rolebindings", "", "rbac.authorization.k8s.io/v1", true, "RoleBinding"],
  ["roles", "", "rbac.authorization.k8s.io/v1", true, "Role"],
  ["priorityclasses", "pc", "scheduling.k8s.io/v1", false, "PriorityClass"],
  ["csidrivers", "", "storage.k8s.io/v1", false, "CSIDriver"],
  ["csinodes", "", "storage.k8s.io/v1", false, "CSINode"],
  ["csistoragecapacities", "", "storage.k8s.io/v1", true, "CSIStorageCapacity"],
  ["storageclasses", "sc", "storage.k8s.io/v1", false, "StorageClass"],
  ["volumeattachments", "", "storage.k8s.io/v1", false, "VolumeAttachment"],
];

function toInfo([plural, short, gv, namespaced, kind, categories, verbs]: Row): ResourceInfo {
  const slash = gv.indexOf("/");
  return {
    kind,
    group: slash < 0 ? "" : gv.slice(0, slash),
    version: slash < 0 ? gv : gv.slice(slash + 1),
    plural,
    singular: kind.toLowerCase(),
    shortNames: short ? short.split(",") : [],
    namespaced,
    categories: categories ? categories.split(",") : [],
    verbs: verbs ?? CRUD,
  };
}

/** Every served resource, in `kubectl api-resources` order (core group first, then by group). */
export const RESOURCES: readonly ResourceInfo[] = ROWS.map(toInfo);

/** The resources kubesim stores under a Kind. Events resolve to the core group, as kubectl does. */
const BY_KIND = new Map<string, ResourceInfo>();
for (const r of RESOURCES) if (!BY_KIND.has(r.kind)) BY_KIND.set(r.kind, r);

export function infoForKind(kind: string): ResourceInfo | undefined {
  return BY_KIND.get(kind);
}

/** "apps/v1" or "v1". */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** "deployment.apps" or "pod": how the name printer and error messages name a kind. */
export function kindDotGroup(info: ResourceInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}

/** "deployments.apps" or "pods": how server errors name a resource. */
export function pluralDotGroup(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** Versions each group serves besides its preferred one (manifests may use them). */
const EXTRA_VERSIONS: Record<string, string[]> = { autoscaling: ["v1"] };

/** Finds the resource a manifest's apiVersion + kind names; undefined if none is served. */
export function infoForManifest(apiVersion: string, kind: string): ResourceInfo | undefined {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return RESOURCES.find(
    (r) => r.kind === kind && r.group === group && (r.version === version || (EXTRA_VERSIONS[group] ?? []).includes(version)),
  );
}

/**
 * Resolves what a user typed as a resource type: plural, singular, short name or Kind, in any
 * case, optionally qualified by group or version.group ("deployments.apps", "deploy.v1.apps").
 * @example resolveResource("deploy")?.kind === "Deployment"
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf(".");
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const qualifier = dot < 0 ? undefined : lower.slice(dot + 1);
  const matches = RESOURCES.filter((r) => {
    if (qualifier !== undefined && qualifier !== r.group && qualifier !== `${r.version}.${r.group}`) return false;
    return r.plural === name || r.singular === name || r.shortNames.includes(name);
  });
  return matches[0];
}

/** The resources in a category, e.g. "all". */
export function resourcesInCategory(category: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.categories.includes(category));
}
