// batch/v1 JobSpec and the core/v1 pod template inside it as Go structs (k8s.io/api v1.32), for
// encodeTyped. The order, the omitempty tags and the zeros written for absent fields were read
// off kubectl v1.32's own -o json of `create job --from` for CronJobs setting every field, and
// none of them. Volume sources not listed (gcePersistentDisk, rbd, ...) keep their stored order.

import { encodeTyped, type GoStructTable } from "./go-typed";

const PROBE_HANDLER = ["exec?:ExecAction", "httpGet?:HTTPGetAction", "tcpSocket?:TCPSocketAction"];
const CONTAINER = [
  'name!""', "image", "command", "args", "workingDir", "ports:[ContainerPort]", "envFrom:[EnvFromSource]", "env:[EnvVar]",
  "resources!{}:ResourceRequirements", "resizePolicy:[ContainerResizePolicy]", "restartPolicy?", "volumeMounts:[VolumeMount]",
  "volumeDevices:[VolumeDevice]", "livenessProbe?:Probe", "readinessProbe?:Probe", "startupProbe?:Probe", "lifecycle?:Lifecycle",
  "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy", "securityContext?:SecurityContext", "stdin", "stdinOnce", "tty",
];
const KEY_SELECTOR = ["name", 'key!""', "optional?"];
const ITEMS_SOURCE = ["name", "items:[KeyToPath]", "optional?"];
const SECCOMP = ['type!""', "localhostProfile?"];

export const JOB_SPEC_TYPES: GoStructTable = {
  JobSpec: [
    "parallelism?", "completions?", "activeDeadlineSeconds?", "podFailurePolicy?:PodFailurePolicy", "successPolicy?:SuccessPolicy",
    "backoffLimit?", "backoffLimitPerIndex?", "maxFailedIndexes?", "selector?:LabelSelector", "manualSelector?",
    "template!{}:PodTemplateSpec", "ttlSecondsAfterFinished?", "completionMode?", "suspend?", "podReplacementPolicy?", "managedBy?",
  ],
  PodFailurePolicy: ["rules!null:[PodFailurePolicyRule]"],
  PodFailurePolicyRule: ['action!""', "onExitCodes?:OnExitCodes", "onPodConditions:[OnPodConditions]"],
  OnExitCodes: ["containerName?", 'operator!""', "values!null"],
  OnPodConditions: ['type!""', 'status!""'],
  SuccessPolicy: ["rules!null:[SuccessPolicyRule]"],
  SuccessPolicyRule: ["succeededIndexes?", "succeededCount?"],
  LabelSelector: ["matchLabels:{}", "matchExpressions:[Requirement]"],
  Requirement: ['key!""', 'operator!""', "values"],
  ObjectMeta: [
    "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp!null",
    "deletionTimestamp?", "deletionGracePeriodSeconds?", "labels:{}", "annotations:{}", "ownerReferences", "finalizers", "managedFields",
  ],
  PodTemplateSpec: ["metadata!{}:ObjectMeta", "spec!{}:PodSpec"],
  PodSpec: [
    "volumes:[Volume]", "initContainers:[Container]", "containers!null:[Container]", "ephemeralContainers:[EphemeralContainer]",
    "restartPolicy", "terminationGracePeriodSeconds?", "activeDeadlineSeconds?", "dnsPolicy", "nodeSelector:{}", "serviceAccountName",
    "serviceAccount", "automountServiceAccountToken?", "nodeName", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace?",
    "securityContext?:PodSecurityContext", "imagePullSecrets:[LocalObjectReference]", "hostname", "subdomain", "affinity?:Affinity",
    "schedulerName", "tolerations:[Toleration]", "hostAliases:[HostAlias]", "priorityClassName", "priority?", "dnsConfig?:PodDNSConfig",
    "readinessGates:[PodReadinessGate]", "runtimeClassName?", "enableServiceLinks?", "preemptionPolicy?", "overhead:{}",
    "topologySpreadConstraints:[TopologySpreadConstraint]", "setHostnameAsFQDN?", "os?:PodOS", "hostUsers?",
    "schedulingGates:[PodSchedulingGate]", "resourceClaims:[PodResourceClaim]", "resources?:ResourceRequirements",
  ],
  Container: CONTAINER,
  EphemeralContainer: [...CONTAINER, "targetContainerName"],
  ContainerPort: ["name", "hostPort", "containerPort!0", "protocol", "hostIP"],
  EnvFromSource: ["prefix", "configMapRef?:LocalObjectOptional", "secretRef?:LocalObjectOptional"],
  LocalObjectOptional: ["name", "optional?"],
  EnvVar: ['name!""', "value", "valueFrom?:EnvVarSource"],
  EnvVarSource: ["fieldRef?:ObjectFieldSelector", "resourceFieldRef?:ResourceFieldSelector", "configMapKeyRef?:KeySelector", "secretKeyRef?:KeySelector"],
  ObjectFieldSelector: ["apiVersion", 'fieldPath!""'],
  // divisor is a resource.Quantity held by value: its zero is written "0".
  ResourceFieldSelector: ["containerName", 'resource!""', 'divisor!"0"'],
  KeySelector: KEY_SELECTOR,
  ResourceRequirements: ["limits:{}", "requests:{}", "claims:[ResourceClaim]"],
  ResourceClaim: ['name!""', "request"],
  ContainerResizePolicy: ['resourceName!""', 'restartPolicy!""'],
  VolumeMount: ['name!""', "readOnly", "recursiveReadOnly?", 'mountPath!""', "subPath", "mountPropagation?", "subPathExpr"],
  VolumeDevice: ['name!""', 'devicePath!""'],
  Probe: [
    ...PROBE_HANDLER, "grpc?:GRPCAction", "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold",
    "terminationGracePeriodSeconds?",
  ],
  ExecAction: ["command"],
  HTTPGetAction: ["path", "port!0", "host", "scheme", "httpHeaders:[HTTPHeader]"],
  HTTPHeader: ['name!""', 'value!""'],
  TCPSocketAction: ["port!0", "host"],
  GRPCAction: ["port!0", "service!null"],
  Lifecycle: ["postStart?:LifecycleHandler", "preStop?:LifecycleHandler"],
  LifecycleHandler: [...PROBE_HANDLER, "sleep?:SleepAction"],
  SleepAction: ["seconds!0"],
  SecurityContext: [
    "capabilities?:Capabilities", "privileged?", "seLinuxOptions?:SELinuxOptions", "windowsOptions?", "runAsUser?", "runAsGroup?",
    "runAsNonRoot?", "readOnlyRootFilesystem?", "allowPrivilegeEscalation?", "procMount?", "seccompProfile?:SeccompProfile",
    "appArmorProfile?:SeccompProfile",
  ],
  Capabilities: ["add", "drop"],
  SELinuxOptions: ["user", "role", "type", "level"],
  SeccompProfile: SECCOMP,
  PodSecurityContext: [
    "seLinuxOptions?:SELinuxOptions", "windowsOptions?", "runAsUser?", "runAsGroup?", "runAsNonRoot?", "supplementalGroups",
    "supplementalGroupsPolicy?", "fsGroup?", "sysctls:[Sysctl]", "fsGroupChangePolicy?", "seccompProfile?:SeccompProfile",
    "appArmorProfile?:SeccompProfile", "seLinuxChangePolicy?",
  ],
  Sysctl: ['name!""', 'value!""'],
  LocalObjectReference: ["name"],
  Affinity: ["nodeAffinity?:NodeAffinity", "podAffinity?:PodAffinity", "podAntiAffinity?:PodAffinity"],
  NodeAffinity: ["requiredDuringSchedulingIgnoredDuringExecution?:NodeSelector", "preferredDuringSchedulingIgnoredDuringExecution:[PreferredSchedulingTerm]"],
  NodeSelector: ["nodeSelectorTerms!null:[NodeSelectorTerm]"],
  NodeSelectorTerm: ["matchExpressions:[Requirement]", "matchFields:[Requirement]"],
  PreferredSchedulingTerm: ["weight!0", "preference!{}:NodeSelectorTerm"],
  PodAffinity: ["requiredDuringSchedulingIgnoredDuringExecution:[PodAffinityTerm]", "preferredDuringSchedulingIgnoredDuringExecution:[WeightedPodAffinityTerm]"],
  PodAffinityTerm: ["labelSelector?:LabelSelector", "namespaces", 'topologyKey!""', "namespaceSelector?:LabelSelector", "matchLabelKeys", "mismatchLabelKeys"],
  WeightedPodAffinityTerm: ["weight!0", "podAffinityTerm!{}:PodAffinityTerm"],
  Toleration: ["key", "operator", "value", "effect", "tolerationSeconds?"],
  HostAlias: ['ip!""', "hostnames"],
  PodDNSConfig: ["nameservers", "searches", "options:[PodDNSConfigOption]"],
  PodDNSConfigOption: ["name", "value?"],
  PodReadinessGate: ['conditionType!""'],
  TopologySpreadConstraint: [
    "maxSkew!0", 'topologyKey!""', 'whenUnsatisfiable!""', "labelSelector?:LabelSelector", "minDomains?", "nodeAffinityPolicy?",
    "nodeTaintsPolicy?", "matchLabelKeys",
  ],
  PodOS: ['name!""'],
  PodSchedulingGate: ['name!""'],
  PodResourceClaim: ['name!""', "resourceClaimName?", "resourceClaimTemplateName?"],
  Volume: [
    'name!""', "hostPath?:HostPathVolumeSource", "emptyDir?:EmptyDirVolumeSource", "gcePersistentDisk?", "awsElasticBlockStore?", "gitRepo?",
    "secret?:SecretVolumeSource", "nfs?:NFSVolumeSource", "iscsi?", "glusterfs?", "persistentVolumeClaim?:PVCVolumeSource", "rbd?",
    "flexVolume?", "cinder?", "cephfs?", "flocker?", "downwardAPI?:DownwardAPIVolumeSource", "fc?", "azureFile?",
    "configMap?:ConfigMapVolumeSource", "vsphereVolume?", "quobyte?", "azureDisk?", "photonPersistentDisk?",
    "projected?:ProjectedVolumeSource", "portworxVolume?", "scaleIO?", "storageos?", "csi?:CSIVolumeSource",
    "ephemeral?:EphemeralVolumeSource", "image?:ImageVolumeSource",
  ],
  HostPathVolumeSource: ['path!""', "type?"],
  EmptyDirVolumeSource: ["medium", "sizeLimit?"],
  SecretVolumeSource: ["secretName", "items:[KeyToPath]", "defaultMode?", "optional?"],
  KeyToPath: ['key!""', 'path!""', "mode?"],
  NFSVolumeSource: ['server!""', 'path!""', "readOnly"],
  PVCVolumeSource: ['claimName!""', "readOnly"],
  DownwardAPIVolumeSource: ["items:[DownwardAPIVolumeFile]", "defaultMode?"],
  DownwardAPIVolumeFile: ['path!""', "fieldRef?:ObjectFieldSelector", "resourceFieldRef?:ResourceFieldSelector", "mode?"],
  ConfigMapVolumeSource: ["name", "items:[KeyToPath]", "defaultMode?", "optional?"],
  ProjectedVolumeSource: ["sources!null:[VolumeProjection]", "defaultMode?"],
  VolumeProjection: [
    "secret?:ItemsSource", "downwardAPI?:DownwardAPIProjection", "configMap?:ItemsSource", "serviceAccountToken?:ServiceAccountToken",
    "clusterTrustBundle?:ClusterTrustBundle",
  ],
  ItemsSource: ITEMS_SOURCE,
  DownwardAPIProjection: ["items:[DownwardAPIVolumeFile]"],
  ServiceAccountToken: ["audience", "expirationSeconds?", 'path!""'],
  ClusterTrustBundle: ["name?", "signerName?", "labelSelector?:LabelSelector", "optional?", 'path!""'],
  CSIVolumeSource: ['driver!""', "readOnly?", "fsType?", "volumeAttributes:{}", "nodePublishSecretRef?:LocalObjectReference"],
  EphemeralVolumeSource: ["volumeClaimTemplate?:PVCTemplate"],
  PVCTemplate: ["metadata!{}:ObjectMeta", "spec!{}:PVCSpec"],
  PVCSpec: [
    "accessModes", "selector?:LabelSelector", "resources!{}:VolumeResources", "volumeName", "storageClassName?", "volumeMode?",
    "dataSource?:TypedReference", "dataSourceRef?:TypedReference", "volumeAttributesClassName?",
  ],
  VolumeResources: ["limits:{}", "requests:{}"],
  TypedReference: ["apiGroup!null", 'kind!""', 'name!""', "namespace?"],
  ImageVolumeSource: ["reference", "pullPolicy"],
};

/** A CronJob's jobTemplate.spec as kubectl's typed client re-encodes it. */
export const typedJobSpec = (spec: unknown): Record<string, unknown> => encodeTyped(spec ?? {}, "JobSpec", JOB_SPEC_TYPES) as Record<string, unknown>;
