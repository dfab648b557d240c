// Changes to fields the API server does not let change: each entry creates the object with
// `apply`, then applies the change. Messages: ValidateStatefulSetUpdate, ValidateServiceUpdate,
// ValidateConfigMapUpdate, ValidateJobSpecUpdate (kubernetes v1.32). A Job's template prints as
// the internal core.PodTemplateSpec (go-types/pod-template.ts), with the labels the API server
// generated for the Job's uid; a real API server prints other pointer addresses. The merged
// template keeps the stored imagePullPolicy (Always, defaulted for the untagged image).

import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { harness } from "../cli-harness";
import { deployment, missingAnnotationWarning, runCatalog, type Entry } from "./catalog";

const STS_FORBIDDEN =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

const statefulSet = (app: string, claim: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: c
        image: nginx
  volumeClaimTemplates:
  - metadata:
      name: ${claim}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

const service = (ip: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  clusterIP: ${ip}\n  ports:\n  - port: 80\n`;
const frozenConfigMap = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frozen\nimmutable: true\ndata:\n  k: ${v}\n`;
const job = (completions: number) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completions: ${completions}\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n`;

const applied = (file: string) => [{ file, args: ["apply", "-f", "$F"] }];

const entries: Entry[] = [
  {
    name: "a StatefulSet's volumeClaimTemplates",
    setup: applied(statefulSet("web", "www")),
    file: statefulSet("web", "data"),
    args: ["apply", "-f", "$F"],
    stderr: `The StatefulSet "web" is invalid: ${STS_FORBIDDEN}\n`,
  },
  {
    name: "a StatefulSet's selector",
    setup: applied(statefulSet("web", "www")),
    file: statefulSet("web2", "www"),
    args: ["apply", "-f", "$F"],
    stderr: `The StatefulSet "web" is invalid: ${STS_FORBIDDEN}\n`,
  },
  {
    name: "a Service's clusterIP",
    setup: applied(service("10.96.100.10")),
    file: service("10.96.100.11"),
    args: ["apply", "-f", "$F"],
    stderr: 'The Service "s" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.100.11"}: may not change once set\n',
  },
  {
    name: "the data of a ConfigMap marked immutable",
    setup: applied(frozenConfigMap("v1")),
    file: frozenConfigMap("v2"),
    args: ["apply", "-f", "$F"],
    stderr: 'The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set\n',
  },
  {
    name: "a ConfigMap's immutable flag, once set",
    setup: applied(frozenConfigMap("v1")),
    file: frozenConfigMap("v1").replace("immutable: true", "immutable: false"),
    args: ["apply", "-f", "$F"],
    stderr: 'The ConfigMap "frozen" is invalid: immutable: Forbidden: field is immutable when `immutable` is set\n',
  },
  {
    name: "a (non-indexed) Job's completions",
    setup: applied(job(2)),
    file: job(3),
    args: ["apply", "-f", "$F"],
    stderr: 'The Job "j" is invalid: spec.completions: Invalid value: 3: field is immutable\n',
  },
  {
    name: "a Job's pod template (its image)",
    setup: applied(job(2)),
    file: job(2).replace("image: busybox", "image: busybox:1.36"),
    args: ["apply", "-f", "$F"],
    stderr:
      'The Job "j" is invalid: spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:"", GenerateName:"", Namespace:"", SelfLink:"", UID:"", ' +
      'ResourceVersion:"", Generation:0, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), ' +
      'Labels:map[string]string{"batch.kubernetes.io/controller-uid":"b4b8e445-baa0-4d39-b251-2946ae5e77f6", "batch.kubernetes.io/job-name":"j", "controller-uid":"b4b8e445-baa0-4d39-b251-2946ae5e77f6", "job-name":"j"}, Annotations:map[string]string(nil), OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), ManagedFields:[]v1.ManagedFieldsEntry(nil)}, ' +
      'Spec:core.PodSpec{Volumes:[]core.Volume(nil), InitContainers:[]core.Container(nil), Containers:[]core.Container{core.Container{Name:"c", Image:"busybox:1.36", Command:[]string(nil), ' +
      'Args:[]string(nil), WorkingDir:"", Ports:[]core.ContainerPort(nil), EnvFrom:[]core.EnvFromSource(nil), Env:[]core.EnvVar(nil), Resources:core.ResourceRequirements{Limits:core.ResourceList(nil), ' +
      "Requests:core.ResourceList(nil), Claims:[]core.ResourceClaim(nil)}, ResizePolicy:[]core.ContainerResizePolicy(nil), RestartPolicy:(*core.ContainerRestartPolicy)(nil), " +
      "VolumeMounts:[]core.VolumeMount(nil), VolumeDevices:[]core.VolumeDevice(nil), LivenessProbe:(*core.Probe)(nil), ReadinessProbe:(*core.Probe)(nil), StartupProbe:(*core.Probe)(nil), " +
      'Lifecycle:(*core.Lifecycle)(nil), TerminationMessagePath:"/dev/termination-log", TerminationMessagePolicy:"File", ImagePullPolicy:"Always", SecurityContext:(*core.SecurityContext)(nil), ' +
      'Stdin:false, StdinOnce:false, TTY:false}}, EphemeralContainers:[]core.EphemeralContainer(nil), RestartPolicy:"Never", TerminationGracePeriodSeconds:(*int64)(0xc000100018), ' +
      'ActiveDeadlineSeconds:(*int64)(nil), DNSPolicy:"ClusterFirst", NodeSelector:map[string]string(nil), ServiceAccountName:"", AutomountServiceAccountToken:(*bool)(nil), NodeName:"", ' +
      'SecurityContext:(*core.PodSecurityContext)(0xc000100030), ImagePullSecrets:[]core.LocalObjectReference(nil), Hostname:"", Subdomain:"", SetHostnameAsFQDN:(*bool)(nil), ' +
      'Affinity:(*core.Affinity)(nil), SchedulerName:"default-scheduler", Tolerations:[]core.Toleration(nil), HostAliases:[]core.HostAlias(nil), PriorityClassName:"", Priority:(*int32)(nil), ' +
      "PreemptionPolicy:(*core.PreemptionPolicy)(nil), DNSConfig:(*core.PodDNSConfig)(nil), ReadinessGates:[]core.PodReadinessGate(nil), RuntimeClassName:(*string)(nil), " +
      "Overhead:core.ResourceList(nil), EnableServiceLinks:(*bool)(nil), TopologySpreadConstraints:[]core.TopologySpreadConstraint(nil), OS:(*core.PodOS)(nil), " +
      "SchedulingGates:[]core.PodSchedulingGate(nil), ResourceClaims:[]core.PodResourceClaim(nil), Resources:(*core.ResourceRequirements)(nil)}}: field is immutable\n",
  },
];

describe("the bad-input catalog: changes to immutable fields", () => runCatalog(entries));

describe("changes to immutable fields are refused and change nothing", () => {
  it("a Deployment's selector", async () => {
    const h = await harness();
    await h.run("create", "-f", h.file("d.yaml", deployment("nginx", "nginx", "nginx")));
    const before = fs.readFileSync(h.state);
    const r = await h.run("apply", "-f", h.file("d2.yaml", deployment("nginx", "nginx2", "nginx2")));
    // apply warns about the annotation `create` did not leave before it sends the patch.
    expect(r).toEqual({
      stdout: "",
      stderr:
        missingAnnotationWarning("deployments/nginx") +
        'The Deployment "nginx" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
      code: 1,
    });
    expect(fs.readFileSync(h.state).equals(before)).toBe(true);
  });
});
