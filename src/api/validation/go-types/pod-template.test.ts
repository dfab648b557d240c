import { describe, expect, it } from "vitest";
import type { GoType } from "../go-value";
import { goSharpV } from "../go-value";
import { podTemplateSpecType } from "./pod-template";

/** Heap addresses differ from run to run in Go; compare them as one placeholder. */
function withoutAddresses(s: string): string {
  return s.replace(/\(0x[0-9a-f]+\)/g, "(0xADDR)");
}

/** Every struct table reachable from t, each once. */
function structs(t: GoType, seen = new Set<GoType>()): GoType[] {
  if (seen.has(t)) return [];
  seen.add(t);
  if (t.kind === "struct") return [t, ...t.fields.flatMap(([, , ft]) => structs(ft, seen))];
  if (t.kind === "slice" || t.kind === "map") return structs(t.elem, seen);
  return [];
}

describe("core.PodTemplateSpec", () => {
  it("prints a Job's pod template as the API server's %#v does", () => {
    const template = {
      metadata: { labels: { "job-name": "pi" } },
      spec: {
        containers: [
          {
            name: "pi",
            image: "perl:5.34",
            command: ["perl", "-e", "print 1"],
            terminationMessagePath: "/dev/termination-log",
            terminationMessagePolicy: "File",
            imagePullPolicy: "IfNotPresent",
          },
        ],
        restartPolicy: "Never",
        terminationGracePeriodSeconds: 30,
        dnsPolicy: "ClusterFirst",
        securityContext: {},
        schedulerName: "default-scheduler",
      },
    };
    const objectMeta =
      'v1.ObjectMeta{Name:"", GenerateName:"", Namespace:"", SelfLink:"", UID:"", ResourceVersion:"", Generation:0, ' +
      "CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, " +
      'DeletionGracePeriodSeconds:(*int64)(nil), Labels:map[string]string{"job-name":"pi"}, ' +
      "Annotations:map[string]string(nil), OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), " +
      "ManagedFields:[]v1.ManagedFieldsEntry(nil)}";
    const container =
      'core.Container{Name:"pi", Image:"perl:5.34", Command:[]string{"perl", "-e", "print 1"}, Args:[]string(nil), ' +
      'WorkingDir:"", Ports:[]core.ContainerPort(nil), EnvFrom:[]core.EnvFromSource(nil), Env:[]core.EnvVar(nil), ' +
      "Resources:core.ResourceRequirements{Limits:core.ResourceList(nil), Requests:core.ResourceList(nil), " +
      "Claims:[]core.ResourceClaim(nil)}, ResizePolicy:[]core.ContainerResizePolicy(nil), " +
      "RestartPolicy:(*core.ContainerRestartPolicy)(nil), VolumeMounts:[]core.VolumeMount(nil), " +
      "VolumeDevices:[]core.VolumeDevice(nil), LivenessProbe:(*core.Probe)(nil), ReadinessProbe:(*core.Probe)(nil), " +
      'StartupProbe:(*core.Probe)(nil), Lifecycle:(*core.Lifecycle)(nil), TerminationMessagePath:"/dev/termination-log", ' +
      'TerminationMessagePolicy:"File", ImagePullPolicy:"IfNotPresent", SecurityContext:(*core.SecurityContext)(nil), ' +
      "Stdin:false, StdinOnce:false, TTY:false}";
    const podSpec =
      "core.PodSpec{Volumes:[]core.Volume(nil), InitContainers:[]core.Container(nil), " +
      `Containers:[]core.Container{${container}}, EphemeralContainers:[]core.EphemeralContainer(nil), ` +
      'RestartPolicy:"Never", TerminationGracePeriodSeconds:(*int64)(0xADDR), ActiveDeadlineSeconds:(*int64)(nil), ' +
      'DNSPolicy:"ClusterFirst", NodeSelector:map[string]string(nil), ServiceAccountName:"", ' +
      'AutomountServiceAccountToken:(*bool)(nil), NodeName:"", SecurityContext:(*core.PodSecurityContext)(0xADDR), ' +
      'ImagePullSecrets:[]core.LocalObjectReference(nil), Hostname:"", Subdomain:"", SetHostnameAsFQDN:(*bool)(nil), ' +
      'Affinity:(*core.Affinity)(nil), SchedulerName:"default-scheduler", Tolerations:[]core.Toleration(nil), ' +
      'HostAliases:[]core.HostAlias(nil), PriorityClassName:"", Priority:(*int32)(nil), ' +
      "PreemptionPolicy:(*core.PreemptionPolicy)(nil), DNSConfig:(*core.PodDNSConfig)(nil), " +
      "ReadinessGates:[]core.PodReadinessGate(nil), RuntimeClassName:(*string)(nil), Overhead:core.ResourceList(nil), " +
      "EnableServiceLinks:(*bool)(nil), TopologySpreadConstraints:[]core.TopologySpreadConstraint(nil), " +
      "OS:(*core.PodOS)(nil), SchedulingGates:[]core.PodSchedulingGate(nil), ResourceClaims:[]core.PodResourceClaim(nil), " +
      "Resources:(*core.ResourceRequirements)(nil)}";

    const got = goSharpV(template, podTemplateSpecType);

    expect(withoutAddresses(got)).toBe(`core.PodTemplateSpec{ObjectMeta:${objectMeta}, Spec:${podSpec}}`);
    // Two non-nil pointers, at two different addresses.
    const addresses = got.match(/0x[0-9a-f]+/g) ?? [];
    expect(addresses).toHaveLength(2);
    expect(new Set(addresses).size).toBe(2);
  });

  it("prints an embedded struct (a volume's source) from the fields inline in its parent", () => {
    const got = goSharpV({ spec: { volumes: [{ name: "data", emptyDir: {} }] } }, podTemplateSpecType);
    expect(withoutAddresses(got)).toContain(
      'Volumes:[]core.Volume{core.Volume{Name:"data", VolumeSource:core.VolumeSource{HostPath:(*core.HostPathVolumeSource)(nil), EmptyDir:(*core.EmptyDirVolumeSource)(0xADDR), ',
    );
  });

  it("has no struct table with a repeated Go field name", () => {
    for (const t of structs(podTemplateSpecType)) {
      if (t.kind !== "struct") continue;
      const names = t.fields.map(([goName]) => goName);
      expect(new Set(names).size, t.name).toBe(names.length);
    }
  });
});
