// describe's Volumes section, one case per volume source, as kubectl's describe.go writes it
// (raw: "\t" marks where the tabwriter aligns).
import { describe, expect, it } from "vitest";
import { PrefixWriter } from "./render";
import { describeVolumes } from "./volumes";

function raw(volumes: any[] | undefined, space = ""): string {
  const w = new PrefixWriter();
  describeVolumes(w, volumes, space);
  return w["text"];
}

describe("describeVolumes", () => {
  const cases = [
    { name: "no volumes", volumes: [], want: "Volumes:\t<none>\n" },
    { name: "configMap", volumes: [{ name: "cfg", configMap: { name: "game" } }], want: "Volumes:\n  cfg:\n    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\tgame\n    Optional:\tfalse\n" },
    { name: "secret, optional", volumes: [{ name: "s", secret: { secretName: "creds", optional: true } }], want: "Volumes:\n  s:\n    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\tcreds\n    Optional:\ttrue\n" },
    { name: "emptyDir without a size limit", volumes: [{ name: "e", emptyDir: {} }], want: "Volumes:\n  e:\n    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\n    SizeLimit:\t<unset>\n" },
    { name: "emptyDir in memory with a size limit", volumes: [{ name: "e", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } }], want: "Volumes:\n  e:\n    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\tMemory\n    SizeLimit:\t64Mi\n" },
    { name: "persistentVolumeClaim", volumes: [{ name: "data", persistentVolumeClaim: { claimName: "pvc-1" } }], want: "Volumes:\n  data:\n    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\tpvc-1\n    ReadOnly:\tfalse\n" },
    { name: "hostPath without a type", volumes: [{ name: "h", hostPath: { path: "/var/log" } }], want: "Volumes:\n  h:\n    Type:\tHostPath (bare host directory volume)\n    Path:\t/var/log\n    HostPathType:\t<none>\n" },
    { name: "hostPath with a type", volumes: [{ name: "h", hostPath: { path: "/data", type: "DirectoryOrCreate" } }], want: "Volumes:\n  h:\n    Type:\tHostPath (bare host directory volume)\n    Path:\t/data\n    HostPathType:\tDirectoryOrCreate\n" },
    {
      name: "downwardAPI items, field and resource references",
      volumes: [{ name: "podinfo", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }, { path: "cpu", resourceFieldRef: { containerName: "c", resource: "limits.cpu" } }] } }],
      want: "Volumes:\n  podinfo:\n    Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n      metadata.labels -> labels\n      limits.cpu -> cpu\n",
    },
    {
      name: "projected: the service account volume",
      volumes: [{ name: "kube-api-access-x", projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: "token" } }, { configMap: { name: "kube-root-ca.crt" } }, { downwardAPI: {} }] } }],
      want: "Volumes:\n  kube-api-access-x:\n    Type:\tProjected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:\t3607\n    ConfigMapName:\tkube-root-ca.crt\n    ConfigMapOptional:\t<nil>\n    DownwardAPI:\ttrue\n",
    },
    {
      name: "projected: a secret whose optional is set, and a token of the default lifetime",
      volumes: [{ name: "all", projected: { sources: [{ secret: { name: "s", optional: false } }, { serviceAccountToken: { path: "t" } }] } }],
      want: "Volumes:\n  all:\n    Type:\tProjected (a volume that contains injected data from multiple sources)\n    SecretName:\ts\n    SecretOptionalName:\tfalse\n    TokenExpirationSeconds:\t3600\n",
    },
    { name: "nfs", volumes: [{ name: "n", nfs: { server: "nfs.local", path: "/exports" } }], want: "Volumes:\n  n:\n    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\tnfs.local\n    Path:\t/exports\n    ReadOnly:\tfalse\n" },
    {
      name: "csi with its attributes at kubectl's deeper indent",
      volumes: [{ name: "c", csi: { driver: "inline.storage.kubernetes.io", volumeAttributes: { foo: "bar", a: "b" } } }],
      want: "Volumes:\n  c:\n    Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\tinline.storage.kubernetes.io\n    FSType:\t\n    ReadOnly:\tfalse\n    VolumeAttributes:\t        a=b\n        \t        foo=bar\n",
    },
    {
      name: "an ephemeral volume's claim template",
      volumes: [{ name: "scratch", ephemeral: { volumeClaimTemplate: { metadata: { labels: { type: "scratch" } }, spec: { storageClassName: "standard", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } } } }],
      want: "Volumes:\n  scratch:\n    Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n    StorageClass:\tstandard\n    Volume:\t\n    Labels:\t    type=scratch\n    Annotations:\t<none>\n    Capacity:\t\n    Access Modes:\t\n",
    },
    { name: "a source kubesim does not print", volumes: [{ name: "x", cephfs: { monitors: ["m"] } }], want: "Volumes:\n  x:\n  <unknown>\n" },
  ];
  it.each(cases)("$name", ({ volumes, want }) => expect(raw(volumes)).toBe(want));

  it("indents names one more space inside a pod template", () => {
    expect(raw([{ name: "cfg", configMap: { name: "game" } }], "  ")).toBe("  Volumes:\n   cfg:\n    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\tgame\n    Optional:\tfalse\n");
  });
});
