import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { ROOT_CA_CRT } from "../controllers/serviceaccount";
import { KubeletHarness, boundPod, kat } from "../../test/builders/kubelet-harness";
import { expandRecord, isShortRecord, shortRecord } from "./record-encoding";
import { sameJson } from "../api/same-json";
import type { PodRecord } from "./runtime-record";

const KUBE_API_ACCESS = {
  name: "kube-api-access-x7k2p",
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
    ],
  },
};
const TOKEN_MOUNT = { name: KUBE_API_ACCESS.name, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true };

/** A pod as the API server admits it: with the kube-api-access volume mounted in each container. */
function admitted(name: string, containers: Record<string, any>[], volumes: Record<string, unknown>[] = [], spec: Record<string, unknown> = {}): KubeObject {
  const withMount = containers.map((c) => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), TOKEN_MOUNT] }));
  return boundPod(name, withMount, { volumes: [...volumes, KUBE_API_ACCESS], serviceAccountName: "default", ...spec });
}

const objects: KubeObject[] = [
  { apiVersion: "v1", kind: "Service", metadata: { name: "kubernetes", namespace: "default" }, spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP" }] } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "kube-dns", namespace: "default" }, spec: { clusterIP: "10.96.0.10", ports: [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, protocol: "TCP" }] } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: "default" }, data: { "ca.crt": ROOT_CA_CRT } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "game", namespace: "default" }, data: { lives: "3" } },
];

const pods = [
  admitted("web", [{ name: "nginx", image: "nginx" }]),
  admitted("box", [{ name: "box", image: "busybox", command: ["sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 5; done"] }]),
  admitted("crash", [{ name: "crash", image: "busybox", command: ["sh", "-c", "echo starting; sleep 1; exit 1"] }]),
  admitted("cm", [{ name: "web", image: "nginx:1.14.2", volumeMounts: [{ name: "cfg", mountPath: "/etc/game" }] }], [{ name: "cfg", configMap: { name: "game" } }]),
  admitted("named", [{ name: "web", image: "nginx", env: [{ name: "MODE", value: "demo" }] }]),
  admitted("robot", [{ name: "web", image: "nginx" }], [], { serviceAccountName: "robot", hostname: "h1" }),
];

/** The records the kubelet keeps for these pods, each synced through start-up and a little time. */
function records(): Map<string, PodRecord> {
  const h = new KubeletHarness([...objects, ...pods], ["nginx", "nginx:1.14.2", "busybox"]);
  for (const t of [0, 1000, 2000, 3000, 14_000, 17_000, 22_000]) for (const p of pods) h.sync(p.metadata.name!, kat(t));
  return new Map(pods.map((p) => [p.metadata.name!, structuredClone(h.record(p.metadata.name!))]));
}

const recorded = records();
const uid = (name: string) => `uid-${name}`;
/** Saves and reads back through JSON, as the state file does. */
const throughFile = (name: string, record: unknown) => {
  const short = shortRecord(uid(name), record);
  return { short, back: short && expandRecord(uid(name), JSON.parse(JSON.stringify(short))) };
};
const size = (v: unknown) => JSON.stringify(v).length;

describe("the short form of a runtime record", () => {
  const cases = [
    { name: "a running nginx pod saves under 800 bytes: /etc files, env, start-up logs and token recomputed", pod: "web", maxBytes: 800, want: ["@etc", '"@image":"nginx"', '"@service kubernetes":"10.96.0.1 443:https"', '"@service kube-dns":"10.96.0.10 53/UDP:dns 53:dns-tcp"', '["@startup"]', '"@serviceaccount"'] },
    { name: "a busybox shell mid-script keeps its output and script, and starts its variables from the env", pod: "box", maxBytes: 2600, want: ['{"@etc":{"bin/busybox":', '"@image":"busybox"', '"vars":{"@env":""', '"exported":["@env"]', '"text":"tick 4"'] },
    { name: "a crashed container keeps its previous instance's logs and termination", pod: "crash", maxBytes: 1400, want: ['"previousLogs":[{', '"lastTerminated":{', '"@serviceaccount"'] },
    { name: "a configMap volume is kept whole; nginx:1.14.2's env and logs name its version", pod: "cm", maxBytes: 900, want: ['"cfg":{"files":{"lives":"3"}', '"@image":"nginx:1.14.2"', '["@startup"]'] },
    { name: "a container's own variables are kept in place among the recomputed runs", pod: "named", maxBytes: 800, want: ['"@image":"nginx","MODE":"demo","@service kube-dns"'] },
    { name: "a pod's own service account and hostname are kept with its name", pod: "robot", maxBytes: 800, want: ['"@pod":{"name":"robot","ns":"default","sa":"robot","hostname":"h1"}', '"@serviceaccount"', '"image":"@etc"'] },
  ];

  it.each(cases)("$name", ({ pod, maxBytes, want }) => {
    const record = recorded.get(pod)!;
    const { short, back } = throughFile(pod, record);
    expect(short).toBeDefined();
    expect(isShortRecord(short)).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(record));
    expect(size(short)).toBeLessThanOrEqual(maxBytes);
    for (const text of want) expect(JSON.stringify(short)).toContain(text);
  });

  it("the records really are what the kubelet made: nginx started and printed, the crash restarted", () => {
    expect(recorded.get("web")!.containers[0].logs!.length).toBeGreaterThan(5);
    expect(recorded.get("crash")!.containers[0].restartCount).toBeGreaterThan(0);
    expect(recorded.get("crash")!.containers[0].previousLogs).toEqual([expect.objectContaining({ text: "starting" })]);
    expect(size(recorded.get("web"))).toBeGreaterThan(4000);
  });

  it("keeps an edited token whole, and still shortens the rest", () => {
    const record = structuredClone(recorded.get("web")!) as any;
    record.volumes[KUBE_API_ACCESS.name].files.token = "edited-by-hand";
    const { short, back } = throughFile("web", record);
    expect(short!.volumes[KUBE_API_ACCESS.name]).toEqual(record.volumes[KUBE_API_ACCESS.name]);
    expect(short!.containers[0].logs).toEqual(["@startup"]);
    expect(JSON.stringify(back)).toBe(JSON.stringify(record));
  });

  it("keeps start-up logs that are not what the image prints, and lines after them", () => {
    const record = structuredClone(recorded.get("web")!) as any;
    const later = { at: record.containers[0].startedAt + 5000, stream: "stdout", text: '10.244.1.1 - - "GET / HTTP/1.1" 200' };
    record.containers[0].logs.push(later);
    expect(throughFile("web", record).short!.containers[0].logs).toEqual(["@startup", later]);
    record.containers[0].logs[0] = { ...record.containers[0].logs[0], text: "edited" };
    const { short, back } = throughFile("web", record);
    expect(short!.containers[0].logs).toEqual(record.containers[0].logs);
    expect(JSON.stringify(back)).toBe(JSON.stringify(record));
  });

  it("reads a full record from a file written before the short form as it is", () => {
    const full = JSON.parse(JSON.stringify(recorded.get("web")));
    expect(isShortRecord(full)).toBe(false);
    expect(expandRecord(uid("web"), full)).toBe(full);
  });

  it("has no short form for a node's record, or for a record that is already short", () => {
    expect(shortRecord("node:kubesim-worker", { images: { "docker.io/library/nginx:latest": 0 }, pullFreeAt: 0, pods: {} })).toBeUndefined();
    const { short } = throughFile("web", recorded.get("web"));
    expect(shortRecord(uid("web"), short)).toBeUndefined();
  });

  it("has no short form when the record is under another pod's uid (the token says whose it is)", () => {
    expect(shortRecord("uid-other", recorded.get("web"))?.volumes[KUBE_API_ACCESS.name]).not.toBe("@serviceaccount");
  });
});

describe("the check a short form passes", () => {
  it("is JSON.stringify equality on real records: equal after a round trip, unequal after one edit", () => {
    for (const [name, record] of recorded) {
      const back = expandRecord(uid(name), JSON.parse(JSON.stringify(shortRecord(uid(name), record))));
      expect(sameJson(back, record)).toBe(true);
      const edited = JSON.parse(JSON.stringify(back));
      edited.containers[0].env.HOME = "/home/edited";
      expect(sameJson(edited, record)).toBe(JSON.stringify(edited) === JSON.stringify(record));
      expect(sameJson(edited, record)).toBe(false);
    }
  });
});

describe("a record with nothing to recompute", () => {
  it("has no short form: a pod whose container waits for its image and that has no token volume", () => {
    const waiting = {
      sandbox: { ip: "10.244.1.9", createdAt: 1000 },
      containers: [{ name: "web", waiting: { reason: "ErrImagePull", message: "not found" }, env: { HOSTNAME: "web" }, fs: { image: { files: { "etc/resolv.conf": "search shop.svc.cluster.local svc.cluster.local cluster.local\n" }, dirs: [] } } }],
    };
    expect(shortRecord("uid-waiting", waiting)).toBeUndefined();
  });
});
