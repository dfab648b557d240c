// The Go shape of k8s.io/kubernetes/pkg/apis/core.PodTemplateSpec, for printing it with %#v the
// way the API server does in "spec.template: Invalid value: core.PodTemplateSpec{...}: field is
// immutable" (a Job's pod template, for one).
//
// Sources (field order is Go declaration order, which is what %#v prints):
//   - kubernetes/kubernetes pkg/apis/core/types.go (the internal types, not k8s.io/api/core/v1);
//   - kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (ObjectMeta,
//     OwnerReference, ManagedFieldsEntry).
// Checked against real messages in kubernetes/kubernetes#118645 (about v1.27) and
// fluxcd/helm-controller#939 (about v1.28/1.29), which agree with the order below where they overlap.
//
// Version: the tables follow Kubernetes v1.32 (December 2024). The copy of types.go read was newer
// (v1.33: a comment mentions "before 1.33"); for each field, its feature gate and comments decided
// whether it was in v1.32:
//   - kept, added before or in v1.32: VolumeSource.Image (ImageVolume, alpha in v1.31),
//     VolumeMount.RecursiveReadOnly (RecursiveReadOnlyMounts, v1.30), ResourceClaim.Request and the
//     flat PodResourceClaim.ResourceClaimName/ResourceClaimTemplateName (DRA rework, v1.31),
//     PodSpec.Resources (PodLevelResources, alpha in v1.32), Container.ResizePolicy and
//     Container.RestartPolicy (v1.27/v1.28).
//   - left out, added after v1.32: none of the structs below gained a field in v1.33 in the copy
//     read. Later fields that would belong here, e.g. Container.RestartPolicyRules (v1.34) or
//     PodSpec.HostnameOverride (v1.34), are absent from that copy too, so none had to be dropped.
//   - gone before v1.32 and so absent: ObjectMeta.ClusterName (already missing from the v1.27
//     message in #118645), PodResourceClaim.Source (replaced by the two name fields in v1.31).
//
// Only structs held by value need tables: a pointer field prints as its address or a typed nil
// (`(*core.Probe)(nil)`), never its contents.
//
// Limitation: core.ResourceList is map[ResourceName]resource.Quantity. A Quantity prints with %#v as
// a resource.Quantity{i:..., d:..., s:"...", Format:"..."} struct; here its values print as quoted
// strings instead, so only a nil ResourceList (by far the common case in a template) is faithful.
//
// Embedded structs (Go `VolumeSource` in Volume, `EphemeralContainerCommon` in EphemeralContainer):
// %#v names the field after its type, and the JSON inlines its fields into the parent object. Their
// json name here is "" (Go's `json:",inline"`), meaning "the parent object itself"; go-value.ts must
// pass the parent object through for an empty json name.

import type { GoType } from "../go-value";

type Field = readonly [goName: string, json: string, type: GoType];

const str: GoType = { kind: "string" };
const int: GoType = { kind: "int" };
const bool: GoType = { kind: "bool" };
const stringSlice: GoType = { kind: "slice", name: "[]string", elem: str };
const mapStringString: GoType = { kind: "map", name: "map[string]string", elem: str };
/** See the header: quantities print as quoted strings, not resource.Quantity structs. */
const resourceList: GoType = { kind: "map", name: "core.ResourceList", elem: str };
/** The json name of an embedded struct whose fields are inlined in the parent object. */
const INLINE = "";

function ptr(name: string): GoType {
  return { kind: "pointer", name };
}
function slice(name: string, elem: GoType): GoType {
  return { kind: "slice", name, elem };
}
function struct(name: string, fields: readonly Field[]): GoType {
  return { kind: "struct", name, fields };
}

// --- k8s.io/apimachinery/pkg/apis/meta/v1 ---

const ownerReference = struct("v1.OwnerReference", [
  ["APIVersion", "apiVersion", str],
  ["Kind", "kind", str],
  ["Name", "name", str],
  ["UID", "uid", str], // types.UID, a string type: %#v prints it quoted
  ["Controller", "controller", ptr("*bool")],
  ["BlockOwnerDeletion", "blockOwnerDeletion", ptr("*bool")],
]);

/** In a template only its nil slice prints in practice. */
const managedFieldsEntry = struct("v1.ManagedFieldsEntry", [
  ["Manager", "manager", str],
  ["Operation", "operation", str],
  ["APIVersion", "apiVersion", str],
  ["Time", "time", { kind: "stringerPointer", name: "*v1.Time" }],
  ["FieldsType", "fieldsType", str],
  ["FieldsV1", "fieldsV1", ptr("*v1.FieldsV1")],
  ["Subresource", "subresource", str],
]);

const objectMeta = struct("v1.ObjectMeta", [
  ["Name", "name", str],
  ["GenerateName", "generateName", str],
  ["Namespace", "namespace", str],
  ["SelfLink", "selfLink", str],
  ["UID", "uid", str], // types.UID
  ["ResourceVersion", "resourceVersion", str],
  ["Generation", "generation", int],
  ["CreationTimestamp", "creationTimestamp", { kind: "time" }],
  ["DeletionTimestamp", "deletionTimestamp", { kind: "stringerPointer", name: "*v1.Time" }],
  ["DeletionGracePeriodSeconds", "deletionGracePeriodSeconds", ptr("*int64")],
  ["Labels", "labels", mapStringString],
  ["Annotations", "annotations", mapStringString],
  ["OwnerReferences", "ownerReferences", slice("[]v1.OwnerReference", ownerReference)],
  ["Finalizers", "finalizers", stringSlice],
  ["ManagedFields", "managedFields", slice("[]v1.ManagedFieldsEntry", managedFieldsEntry)],
]);

// --- k8s.io/kubernetes/pkg/apis/core: volumes ---

const volumeSource = struct("core.VolumeSource", [
  ["HostPath", "hostPath", ptr("*core.HostPathVolumeSource")],
  ["EmptyDir", "emptyDir", ptr("*core.EmptyDirVolumeSource")],
  ["GCEPersistentDisk", "gcePersistentDisk", ptr("*core.GCEPersistentDiskVolumeSource")],
  ["AWSElasticBlockStore", "awsElasticBlockStore", ptr("*core.AWSElasticBlockStoreVolumeSource")],
  ["GitRepo", "gitRepo", ptr("*core.GitRepoVolumeSource")],
  ["Secret", "secret", ptr("*core.SecretVolumeSource")],
  ["NFS", "nfs", ptr("*core.NFSVolumeSource")],
  ["ISCSI", "iscsi", ptr("*core.ISCSIVolumeSource")],
  ["Glusterfs", "glusterfs", ptr("*core.GlusterfsVolumeSource")],
  ["PersistentVolumeClaim", "persistentVolumeClaim", ptr("*core.PersistentVolumeClaimVolumeSource")],
  ["RBD", "rbd", ptr("*core.RBDVolumeSource")],
  ["Quobyte", "quobyte", ptr("*core.QuobyteVolumeSource")],
  ["FlexVolume", "flexVolume", ptr("*core.FlexVolumeSource")],
  ["Cinder", "cinder", ptr("*core.CinderVolumeSource")],
  ["CephFS", "cephfs", ptr("*core.CephFSVolumeSource")],
  ["Flocker", "flocker", ptr("*core.FlockerVolumeSource")],
  ["DownwardAPI", "downwardAPI", ptr("*core.DownwardAPIVolumeSource")],
  ["FC", "fc", ptr("*core.FCVolumeSource")],
  ["AzureFile", "azureFile", ptr("*core.AzureFileVolumeSource")],
  ["ConfigMap", "configMap", ptr("*core.ConfigMapVolumeSource")],
  ["VsphereVolume", "vsphereVolume", ptr("*core.VsphereVirtualDiskVolumeSource")],
  ["AzureDisk", "azureDisk", ptr("*core.AzureDiskVolumeSource")],
  ["PhotonPersistentDisk", "photonPersistentDisk", ptr("*core.PhotonPersistentDiskVolumeSource")],
  ["Projected", "projected", ptr("*core.ProjectedVolumeSource")],
  ["PortworxVolume", "portworxVolume", ptr("*core.PortworxVolumeSource")],
  ["ScaleIO", "scaleIO", ptr("*core.ScaleIOVolumeSource")],
  ["StorageOS", "storageos", ptr("*core.StorageOSVolumeSource")],
  ["CSI", "csi", ptr("*core.CSIVolumeSource")],
  ["Ephemeral", "ephemeral", ptr("*core.EphemeralVolumeSource")],
  ["Image", "image", ptr("*core.ImageVolumeSource")], // ImageVolume, alpha in v1.31
]);

const volume = struct("core.Volume", [
  ["Name", "name", str],
  ["VolumeSource", INLINE, volumeSource], // embedded; its JSON fields sit in the volume object
]);

// --- containers ---

const containerPort = struct("core.ContainerPort", [
  ["Name", "name", str],
  ["HostPort", "hostPort", int],
  ["ContainerPort", "containerPort", int],
  ["Protocol", "protocol", str], // core.Protocol
  ["HostIP", "hostIP", str],
]);

const envFromSource = struct("core.EnvFromSource", [
  ["Prefix", "prefix", str],
  ["ConfigMapRef", "configMapRef", ptr("*core.ConfigMapEnvSource")],
  ["SecretRef", "secretRef", ptr("*core.SecretEnvSource")],
]);

const envVar = struct("core.EnvVar", [
  ["Name", "name", str],
  ["Value", "value", str],
  ["ValueFrom", "valueFrom", ptr("*core.EnvVarSource")],
]);

const resourceClaim = struct("core.ResourceClaim", [
  ["Name", "name", str],
  ["Request", "request", str], // v1.31
]);

const resourceRequirements = struct("core.ResourceRequirements", [
  ["Limits", "limits", resourceList],
  ["Requests", "requests", resourceList],
  ["Claims", "claims", slice("[]core.ResourceClaim", resourceClaim)],
]);

const containerResizePolicy = struct("core.ContainerResizePolicy", [
  ["ResourceName", "resourceName", str], // core.ResourceName
  ["RestartPolicy", "restartPolicy", str], // core.ResourceResizeRestartPolicy
]);

const volumeMount = struct("core.VolumeMount", [
  ["Name", "name", str],
  ["ReadOnly", "readOnly", bool],
  ["RecursiveReadOnly", "recursiveReadOnly", ptr("*core.RecursiveReadOnlyMode")], // v1.30
  ["MountPath", "mountPath", str],
  ["SubPath", "subPath", str],
  ["MountPropagation", "mountPropagation", ptr("*core.MountPropagationMode")],
  ["SubPathExpr", "subPathExpr", str],
]);

const volumeDevice = struct("core.VolumeDevice", [
  ["Name", "name", str],
  ["DevicePath", "devicePath", str],
]);

/** The fields Container and EphemeralContainerCommon share, in the same order in both. */
const containerFields: readonly Field[] = [
  ["Name", "name", str],
  ["Image", "image", str],
  ["Command", "command", stringSlice],
  ["Args", "args", stringSlice],
  ["WorkingDir", "workingDir", str],
  ["Ports", "ports", slice("[]core.ContainerPort", containerPort)],
  ["EnvFrom", "envFrom", slice("[]core.EnvFromSource", envFromSource)],
  ["Env", "env", slice("[]core.EnvVar", envVar)],
  ["Resources", "resources", resourceRequirements],
  ["ResizePolicy", "resizePolicy", slice("[]core.ContainerResizePolicy", containerResizePolicy)],
  ["RestartPolicy", "restartPolicy", ptr("*core.ContainerRestartPolicy")],
  ["VolumeMounts", "volumeMounts", slice("[]core.VolumeMount", volumeMount)],
  ["VolumeDevices", "volumeDevices", slice("[]core.VolumeDevice", volumeDevice)],
  ["LivenessProbe", "livenessProbe", ptr("*core.Probe")],
  ["ReadinessProbe", "readinessProbe", ptr("*core.Probe")],
  ["StartupProbe", "startupProbe", ptr("*core.Probe")],
  ["Lifecycle", "lifecycle", ptr("*core.Lifecycle")],
  ["TerminationMessagePath", "terminationMessagePath", str],
  ["TerminationMessagePolicy", "terminationMessagePolicy", str], // core.TerminationMessagePolicy
  ["ImagePullPolicy", "imagePullPolicy", str], // core.PullPolicy
  ["SecurityContext", "securityContext", ptr("*core.SecurityContext")],
  ["Stdin", "stdin", bool],
  ["StdinOnce", "stdinOnce", bool],
  ["TTY", "tty", bool],
];

const container = struct("core.Container", containerFields);

const ephemeralContainerCommon = struct("core.EphemeralContainerCommon", containerFields);

const ephemeralContainer = struct("core.EphemeralContainer", [
  ["EphemeralContainerCommon", INLINE, ephemeralContainerCommon], // embedded; inlined in JSON
  ["TargetContainerName", "targetContainerName", str],
]);

// --- the pod spec ---

const localObjectReference = struct("core.LocalObjectReference", [["Name", "name", str]]);

const toleration = struct("core.Toleration", [
  ["Key", "key", str],
  ["Operator", "operator", str], // core.TolerationOperator
  ["Value", "value", str],
  ["Effect", "effect", str], // core.TaintEffect
  ["TolerationSeconds", "tolerationSeconds", ptr("*int64")],
]);

const hostAlias = struct("core.HostAlias", [
  ["IP", "ip", str],
  ["Hostnames", "hostnames", stringSlice],
]);

const podReadinessGate = struct("core.PodReadinessGate", [
  ["ConditionType", "conditionType", str], // core.PodConditionType
]);

const topologySpreadConstraint = struct("core.TopologySpreadConstraint", [
  ["MaxSkew", "maxSkew", int],
  ["TopologyKey", "topologyKey", str],
  ["WhenUnsatisfiable", "whenUnsatisfiable", str], // core.UnsatisfiableConstraintAction
  ["LabelSelector", "labelSelector", ptr("*v1.LabelSelector")],
  ["MinDomains", "minDomains", ptr("*int32")],
  ["NodeAffinityPolicy", "nodeAffinityPolicy", ptr("*core.NodeInclusionPolicy")],
  ["NodeTaintsPolicy", "nodeTaintsPolicy", ptr("*core.NodeInclusionPolicy")],
  ["MatchLabelKeys", "matchLabelKeys", stringSlice],
]);

const podSchedulingGate = struct("core.PodSchedulingGate", [["Name", "name", str]]);

const podResourceClaim = struct("core.PodResourceClaim", [
  ["Name", "name", str],
  ["ResourceClaimName", "resourceClaimName", ptr("*string")], // v1.31 (replaced Source)
  ["ResourceClaimTemplateName", "resourceClaimTemplateName", ptr("*string")],
]);

/**
 * The internal PodSpec: v1's hostNetwork, hostPID, hostIPC, shareProcessNamespace and hostUsers
 * live in the internal PodSecurityContext, and v1's deprecated serviceAccount has no field here.
 */
const podSpec = struct("core.PodSpec", [
  ["Volumes", "volumes", slice("[]core.Volume", volume)],
  ["InitContainers", "initContainers", slice("[]core.Container", container)],
  ["Containers", "containers", slice("[]core.Container", container)],
  ["EphemeralContainers", "ephemeralContainers", slice("[]core.EphemeralContainer", ephemeralContainer)],
  ["RestartPolicy", "restartPolicy", str], // core.RestartPolicy
  ["TerminationGracePeriodSeconds", "terminationGracePeriodSeconds", ptr("*int64")],
  ["ActiveDeadlineSeconds", "activeDeadlineSeconds", ptr("*int64")],
  ["DNSPolicy", "dnsPolicy", str], // core.DNSPolicy
  ["NodeSelector", "nodeSelector", mapStringString],
  ["ServiceAccountName", "serviceAccountName", str],
  ["AutomountServiceAccountToken", "automountServiceAccountToken", ptr("*bool")],
  ["NodeName", "nodeName", str],
  ["SecurityContext", "securityContext", ptr("*core.PodSecurityContext")],
  ["ImagePullSecrets", "imagePullSecrets", slice("[]core.LocalObjectReference", localObjectReference)],
  ["Hostname", "hostname", str],
  ["Subdomain", "subdomain", str],
  ["SetHostnameAsFQDN", "setHostnameAsFQDN", ptr("*bool")],
  ["Affinity", "affinity", ptr("*core.Affinity")],
  ["SchedulerName", "schedulerName", str],
  ["Tolerations", "tolerations", slice("[]core.Toleration", toleration)],
  ["HostAliases", "hostAliases", slice("[]core.HostAlias", hostAlias)],
  ["PriorityClassName", "priorityClassName", str],
  ["Priority", "priority", ptr("*int32")],
  ["PreemptionPolicy", "preemptionPolicy", ptr("*core.PreemptionPolicy")],
  ["DNSConfig", "dnsConfig", ptr("*core.PodDNSConfig")],
  ["ReadinessGates", "readinessGates", slice("[]core.PodReadinessGate", podReadinessGate)],
  ["RuntimeClassName", "runtimeClassName", ptr("*string")],
  ["Overhead", "overhead", resourceList],
  ["EnableServiceLinks", "enableServiceLinks", ptr("*bool")],
  [
    "TopologySpreadConstraints",
    "topologySpreadConstraints",
    slice("[]core.TopologySpreadConstraint", topologySpreadConstraint),
  ],
  ["OS", "os", ptr("*core.PodOS")],
  ["SchedulingGates", "schedulingGates", slice("[]core.PodSchedulingGate", podSchedulingGate)],
  ["ResourceClaims", "resourceClaims", slice("[]core.PodResourceClaim", podResourceClaim)],
  ["Resources", "resources", ptr("*core.ResourceRequirements")], // PodLevelResources, alpha in v1.32
]);

/** core.PodTemplateSpec: embedded metav1.ObjectMeta (JSON "metadata") and Spec. */
export const podTemplateSpecType: GoType = struct("core.PodTemplateSpec", [
  ["ObjectMeta", "metadata", objectMeta],
  ["Spec", "spec", podSpec],
]);
