// Whole-output tests of `kubectl api-resources` (reference/kubectl-output.md §6.1).

import { beforeAll, describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";
import type { Harness } from "../../../test/cli-harness";

interface Case {
  name: string;
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

/** The full table, copied from reference/kubectl-output.md §6.1. */
const FULL_TABLE = `NAME                                SHORTNAMES   APIVERSION                        NAMESPACED   KIND
bindings                                         v1                                true         Binding
componentstatuses                   cs           v1                                false        ComponentStatus
configmaps                          cm           v1                                true         ConfigMap
endpoints                           ep           v1                                true         Endpoints
events                              ev           v1                                true         Event
limitranges                         limits       v1                                true         LimitRange
namespaces                          ns           v1                                false        Namespace
nodes                               no           v1                                false        Node
persistentvolumeclaims              pvc          v1                                true         PersistentVolumeClaim
persistentvolumes                   pv           v1                                false        PersistentVolume
pods                                po           v1                                true         Pod
podtemplates                                     v1                                true         PodTemplate
replicationcontrollers              rc           v1                                true         ReplicationController
resourcequotas                      quota        v1                                true         ResourceQuota
secrets                                          v1                                true         Secret
serviceaccounts                     sa           v1                                true         ServiceAccount
services                            svc          v1                                true         Service
mutatingwebhookconfigurations                    admissionregistration.k8s.io/v1   false        MutatingWebhookConfiguration
validatingadmissionpolicies                      admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicy
validatingadmissionpolicybindings                admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicyBinding
validatingwebhookconfigurations                  admissionregistration.k8s.io/v1   false        ValidatingWebhookConfiguration
customresourcedefinitions           crd,crds     apiextensions.k8s.io/v1           false        CustomResourceDefinition
apiservices                                      apiregistration.k8s.io/v1         false        APIService
controllerrevisions                              apps/v1                           true         ControllerRevision
daemonsets                          ds           apps/v1                           true         DaemonSet
deployments                         deploy       apps/v1                           true         Deployment
replicasets                         rs           apps/v1                           true         ReplicaSet
statefulsets                        sts          apps/v1                           true         StatefulSet
selfsubjectreviews                               authentication.k8s.io/v1          false        SelfSubjectReview
tokenreviews                                     authentication.k8s.io/v1          false        TokenReview
localsubjectaccessreviews                        authorization.k8s.io/v1           true         LocalSubjectAccessReview
selfsubjectaccessreviews                         authorization.k8s.io/v1           false        SelfSubjectAccessReview
selfsubjectrulesreviews                          authorization.k8s.io/v1           false        SelfSubjectRulesReview
subjectaccessreviews                             authorization.k8s.io/v1           false        SubjectAccessReview
horizontalpodautoscalers            hpa          autoscaling/v2                    true         HorizontalPodAutoscaler
cronjobs                            cj           batch/v1                          true         CronJob
jobs                                             batch/v1                          true         Job
certificatesigningrequests          csr          certificates.k8s.io/v1            false        CertificateSigningRequest
leases                                           coordination.k8s.io/v1            true         Lease
endpointslices                                   discovery.k8s.io/v1               true         EndpointSlice
events                              ev           events.k8s.io/v1                  true         Event
flowschemas                                      flowcontrol.apiserver.k8s.io/v1   false        FlowSchema
prioritylevelconfigurations                      flowcontrol.apiserver.k8s.io/v1   false        PriorityLevelConfiguration
ingressclasses                                   networking.k8s.io/v1              false        IngressClass
ingresses                           ing          networking.k8s.io/v1              true         Ingress
networkpolicies                     netpol       networking.k8s.io/v1              true         NetworkPolicy
runtimeclasses                                   node.k8s.io/v1                    false        RuntimeClass
poddisruptionbudgets                pdb          policy/v1                         true         PodDisruptionBudget
clusterrolebindings                              rbac.authorization.k8s.io/v1      false        ClusterRoleBinding
clusterroles                                     rbac.authorization.k8s.io/v1      false        ClusterRole
rolebindings                                     rbac.authorization.k8s.io/v1      true         RoleBinding
roles                                            rbac.authorization.k8s.io/v1      true         Role
priorityclasses                     pc           scheduling.k8s.io/v1              false        PriorityClass
csidrivers                                       storage.k8s.io/v1                 false        CSIDriver
csinodes                                         storage.k8s.io/v1                 false        CSINode
csistoragecapacities                             storage.k8s.io/v1                 true         CSIStorageCapacity
storageclasses                      sc           storage.k8s.io/v1                 false        StorageClass
volumeattachments                                storage.k8s.io/v1                 false        VolumeAttachment
`;

const cases: Case[] = [
  {
    name: "prints only the resources of one API group",
    args: ["api-resources","--api-group=apps"],
    stdout: `NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND
controllerrevisions                apps/v1      true         ControllerRevision
daemonsets            ds           apps/v1      true         DaemonSet
deployments           deploy       apps/v1      true         Deployment
replicasets           rs           apps/v1      true         ReplicaSet
statefulsets          sts          apps/v1      true         StatefulSet
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints cluster-scoped resources with --namespaced=false",
    args: ["api-resources","--namespaced=false","--api-group=storage.k8s.io"],
    stdout: `NAME                SHORTNAMES   APIVERSION          NAMESPACED   KIND
csidrivers                       storage.k8s.io/v1   false        CSIDriver
csinodes                         storage.k8s.io/v1   false        CSINode
storageclasses      sc           storage.k8s.io/v1   false        StorageClass
volumeattachments                storage.k8s.io/v1   false        VolumeAttachment
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints namespaced resources with --namespaced=true",
    args: ["api-resources","--namespaced=true","--api-group=storage.k8s.io"],
    stdout: `NAME                   SHORTNAMES   APIVERSION          NAMESPACED   KIND
csistoragecapacities                storage.k8s.io/v1   true         CSIStorageCapacity
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "adds VERBS and CATEGORIES with -o wide",
    args: ["api-resources","-o","wide","--api-group=apps"],
    stdout: `NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND                 VERBS                                                        CATEGORIES
controllerrevisions                apps/v1      true         ControllerRevision   create,delete,deletecollection,get,list,patch,update,watch   
daemonsets            ds           apps/v1      true         DaemonSet            create,delete,deletecollection,get,list,patch,update,watch   all
deployments           deploy       apps/v1      true         Deployment           create,delete,deletecollection,get,list,patch,update,watch   all
replicasets           rs           apps/v1      true         ReplicaSet           create,delete,deletecollection,get,list,patch,update,watch   all
statefulsets          sts          apps/v1      true         StatefulSet          create,delete,deletecollection,get,list,patch,update,watch   all
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints plural.group names with -o name",
    args: ["api-resources","-o","name","--api-group=apps"],
    stdout: `controllerrevisions.apps
daemonsets.apps
deployments.apps
replicasets.apps
statefulsets.apps
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints core names without a group with -o name",
    args: ["api-resources","-o","name","--verbs=get","--namespaced=false"],
    stdout: `componentstatuses
namespaces
nodes
persistentvolumes
mutatingwebhookconfigurations.admissionregistration.k8s.io
validatingadmissionpolicies.admissionregistration.k8s.io
validatingadmissionpolicybindings.admissionregistration.k8s.io
validatingwebhookconfigurations.admissionregistration.k8s.io
customresourcedefinitions.apiextensions.k8s.io
apiservices.apiregistration.k8s.io
certificatesigningrequests.certificates.k8s.io
flowschemas.flowcontrol.apiserver.k8s.io
prioritylevelconfigurations.flowcontrol.apiserver.k8s.io
ingressclasses.networking.k8s.io
runtimeclasses.node.k8s.io
clusterrolebindings.rbac.authorization.k8s.io
clusterroles.rbac.authorization.k8s.io
priorityclasses.scheduling.k8s.io
csidrivers.storage.k8s.io
csinodes.storage.k8s.io
storageclasses.storage.k8s.io
volumeattachments.storage.k8s.io
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "keeps only resources with every verb given to --verbs",
    args: ["api-resources","--verbs=create","--api-group=authorization.k8s.io"],
    stdout: `NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND
localsubjectaccessreviews                authorization.k8s.io/v1   true         LocalSubjectAccessReview
selfsubjectaccessreviews                 authorization.k8s.io/v1   false        SelfSubjectAccessReview
selfsubjectrulesreviews                  authorization.k8s.io/v1   false        SelfSubjectRulesReview
subjectaccessreviews                     authorization.k8s.io/v1   false        SubjectAccessReview
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints only the header when no resource has every verb",
    args: ["api-resources","--verbs=create,list","--api-group=authorization.k8s.io"],
    stdout: `NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "filters by category",
    args: ["api-resources","--categories=all","--no-headers"],
    stdout: `pods                       po       v1               true   Pod
replicationcontrollers     rc       v1               true   ReplicationController
services                   svc      v1               true   Service
daemonsets                 ds       apps/v1          true   DaemonSet
deployments                deploy   apps/v1          true   Deployment
replicasets                rs       apps/v1          true   ReplicaSet
statefulsets               sts      apps/v1          true   StatefulSet
horizontalpodautoscalers   hpa      autoscaling/v2   true   HorizontalPodAutoscaler
cronjobs                   cj       batch/v1         true   CronJob
jobs                                batch/v1         true   Job
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "sorts by kind with --sort-by=kind",
    args: ["api-resources","--sort-by=kind","--api-group=apps"],
    stdout: `NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND
controllerrevisions                apps/v1      true         ControllerRevision
daemonsets            ds           apps/v1      true         DaemonSet
deployments           deploy       apps/v1      true         Deployment
replicasets           rs           apps/v1      true         ReplicaSet
statefulsets          sts          apps/v1      true         StatefulSet
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "sorts by name across groups, stable for equal names",
    args: ["api-resources","--sort-by=name","-o","name","--verbs=watch","--namespaced=true"],
    stdout: `configmaps
controllerrevisions.apps
cronjobs.batch
csistoragecapacities.storage.k8s.io
daemonsets.apps
deployments.apps
endpoints
endpointslices.discovery.k8s.io
events
events.events.k8s.io
horizontalpodautoscalers.autoscaling
ingresses.networking.k8s.io
jobs.batch
leases.coordination.k8s.io
limitranges
networkpolicies.networking.k8s.io
persistentvolumeclaims
poddisruptionbudgets.policy
pods
podtemplates
replicasets.apps
replicationcontrollers
resourcequotas
rolebindings.rbac.authorization.k8s.io
roles.rbac.authorization.k8s.io
secrets
serviceaccounts
services
statefulsets.apps
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "rejects other output formats",
    args: ["api-resources","-o","yaml"],
    stdout: ``,
    stderr: `error: --output yaml is not available
`,
    code: 1,
  },
  {
    name: "rejects other sort fields",
    args: ["api-resources","--sort-by=group"],
    stdout: ``,
    stderr: `error: --sort-by accepts only name or kind
`,
    code: 1,
  },
];

describe("kubectl api-resources", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });

  it("prints the whole table of a 1.32 cluster, byte for byte", async () => {
    expect(await h.run("api-resources")).toEqual({ stdout: FULL_TABLE, stderr: "", code: 0 });
  });

  it.each(cases)("$name", async ({ args, stdout, stderr, code }) => {
    expect(await h.run(...args)).toEqual({ stdout, stderr, code });
  });
});
