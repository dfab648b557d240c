import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { ROOT_CA_CRT } from "../controllers/serviceaccount";
import { KubeletHarness, boundPod, kat } from "../../test/builders/kubelet-harness";
import { expandRecord, isShortRecord, shortRecord } from "./record-encoding";
import { sameJson } from "../api/same-json";
import type { PodRecord } from "./runtime-record";
import { SANDBOX_CREATION_MS } from "./sync-pod";
import { KUBE_API_ACCESS } from "../../test/builders/kube-api-access";

const TOKEN_MOUNT = { name: KUBE_API_ACCESS.name, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true };

/** A runtime record's line in a state file saved by the previous short form (a 1,000-pod bench state). */
const OLD_SHORT_LINE =
  '"003fe2cb-0adb-44ae-8040-22658fdb14c6": {"@pod":{"name":"bench-66f79864b6-xtpzv","ns":"default"},"sandbox":{"ip":"10.244.5.101",' +
  '"createdAt":1735689600000,"readyAt":1735689601000},"containers":[{"name":"nginx","imageReady":true,' +
  '"containerID":"containerd://f8d94b90496b86b4d9221b54be0d3ce1c68c40065c24835948db158c2015d28f","fs":{"image":"@etc","writable":{"files":{},' +
  '"dirs":[]},"mounts":[{"volumeId":"kube-api-access-9lfvh","mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","readOnly":true}]},' +
  '"env":{"@image":"nginx","@service kubernetes":"10.96.0.1 443:https","HOME":"/root"},"startedAt":1735689650254,"logs":["@startup"],' +
  '"ports":[80]}],"volumes":{"kube-api-access-9lfvh":"@serviceaccount"}}';

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
    { name: "a running nginx pod saves under 500 bytes: /etc files, env, start-up logs and token recomputed", pod: "web", maxBytes: 500, want: ['"fs":"@etc"', '"@image":"nginx"', '"@service kubernetes":"10.96.0.1 443:https"', '"@service kube-dns":"10.96.0.10 53/UDP:dns 53:dns-tcp"', '["@startup"]', '"@serviceaccount"'] },
    { name: "a busybox shell mid-script keeps its output and script, and starts its variables from the env", pod: "box", maxBytes: 2000, want: ['"fs":{"image":{"@etc":{"bin/busybox":', '"mounts":["@serviceaccount"]}', '"@image":"busybox"', '"vars":{"@env":""', '"exported":["@env"]', '"text":"tick 4"'] },
    { name: "a crashed container keeps its previous instance's logs and termination", pod: "crash", maxBytes: 1200, want: ['"previousLogs":[{', '"lastTerminated":{', '"@serviceaccount"'] },
    { name: "a configMap volume and its mount are kept whole; nginx:1.14.2's env and logs name its version", pod: "cm", maxBytes: 650, want: ['"cfg":{"files":{"lives":"3"}', '"fs":{"image":"@etc","mounts":[{"volumeId":"cfg","mountPath":"/etc/game","readOnly":true},"@serviceaccount"]}', '"@image":"nginx:1.14.2"', '["@startup"]'] },
    { name: "a container's own variables are kept in place among the recomputed runs", pod: "named", maxBytes: 500, want: ['"@image":"nginx","MODE":"demo","@service kube-dns"'] },
    { name: "a pod's own service account and hostname are kept with its name", pod: "robot", maxBytes: 500, want: ['"@pod":{"name":"robot","ns":"default","sa":"robot","hostname":"h1"}', '"@serviceaccount"', '"fs":"@etc"'] },
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

describe("the parts of a container the kubelet made when it created it", () => {
  const web = () => structuredClone(recorded.get("web")!) as any;

  it("saves a sandbox that came up a second after it was created as \"<ip> <createdAt>\", and the container's ID as \"@id\"", () => {
    const record = web();
    const { short, back } = throughFile("web", record);
    expect(short!.sandbox).toBe(`${record.sandbox.ip} ${record.sandbox.createdAt}`);
    expect(record.sandbox.readyAt).toBe(record.sandbox.createdAt + 1000);
    expect(Object.keys(short!.containers[0]).slice(0, 3)).toEqual(["name", "@id", "fs"]);
    expect("containerd://" + short!.containers[0]["@id"]).toBe(record.containers[0].containerID);
    expect(JSON.stringify(back)).toBe(JSON.stringify(record));
  });

  it("the saved sandbox time is still the kubelet's: a new pod's record saves short", () => {
    expect(SANDBOX_CREATION_MS).toBe(1000);
  });

  it.each([
    ["a sandbox that took longer to come up", (r: any) => (r.sandbox.readyAt += 500), (s: any) => expect(s.sandbox).toEqual(expect.objectContaining({ readyAt: expect.any(Number) }))],
    ["a sandbox not yet up", (r: any) => delete r.sandbox.readyAt, (s: any) => expect(typeof s.sandbox).toBe("object")],
    ["a container ID that is not containerd's", (r: any) => (r.containers[0].containerID = "docker://abc"), (s: any) => expect(s.containers[0]).toMatchObject({ imageReady: true, containerID: "docker://abc" })],
    ["a file written into the container", (r: any) => (r.containers[0].fs.writable.files["tmp/x"] = "1\n"), (s: any) => expect(s.containers[0].fs).toEqual({ image: "@etc", writable: { files: { "tmp/x": "1\n" }, dirs: [] }, mounts: ["@serviceaccount"] })],
    ["a token mount that is writable", (r: any) => delete r.containers[0].fs.mounts[0].readOnly, (s: any) => expect(s.containers[0].fs.mounts[0]).toEqual({ volumeId: KUBE_API_ACCESS.name, mountPath: TOKEN_MOUNT.mountPath })],
    ["a token volume edited by hand, so its mount names a volume saved whole", (r: any) => (r.volumes[KUBE_API_ACCESS.name].files.token = "edited"), (s: any) => expect(s.containers[0].fs.mounts[0]).toEqual({ volumeId: KUBE_API_ACCESS.name, mountPath: TOKEN_MOUNT.mountPath, readOnly: true })],
  ])("keeps %s as it is, and gives the record back exactly", (_name, edit, want) => {
    const record = web();
    edit(record);
    const { short, back } = throughFile("web", record);
    want(short);
    expect(JSON.stringify(back)).toBe(JSON.stringify(record));
  });

  it("reads the short form a file written before these parts were left out holds, as it was", () => {
    // A line of a 1,000-pod state saved by the previous short form: sandbox, imageReady,
    // containerID, writable layer and token mount all whole.
    const [, id, text] = /^"([^"]+)": (.*)$/.exec(OLD_SHORT_LINE)!;
    const old = JSON.parse(text);
    const record = expandRecord(id, old) as any;
    expect(record.sandbox).toEqual({ ip: "10.244.5.101", createdAt: 1735689600000, readyAt: 1735689601000 });
    expect(Object.keys(record.containers[0])).toEqual(["name", "imageReady", "containerID", "fs", "env", "startedAt", "logs", "ports"]);
    expect(Object.keys(record.containers[0].fs)).toEqual(["image", "writable", "mounts"]);
    expect(record.containers[0].fs.mounts).toEqual([{ volumeId: "kube-api-access-9lfvh", mountPath: TOKEN_MOUNT.mountPath, readOnly: true }]);
    const now = shortRecord(id, record)!;
    expect(JSON.stringify(now).length).toBeLessThan(text.length - 240);
    expect(JSON.stringify(expandRecord(id, JSON.parse(JSON.stringify(now))))).toBe(JSON.stringify(record));
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
