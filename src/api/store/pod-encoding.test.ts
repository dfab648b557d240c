import * as fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { harness } from "../../../test/cli-harness";
import { applyDefaults } from "../defaulting";
import { buildMirrorPod } from "../../kubelet/mirror-pod";
import { encodeObject, fromSaved } from "./raw-json";
import { expandPod, isShortPod, shortPod } from "./pod-encoding";
import { freshCluster } from "../../../test/conformance/seed-states";

type Json = Record<string, any>;

const keyOf = (pod: KubeObject) => `Pod/${pod.metadata.namespace}/${pod.metadata.name}`;
const text = (value: unknown) => JSON.stringify(value);
/** A Pod saved the way the state file saves it, and read back. */
const roundTrip = (pod: KubeObject) => fromSaved(keyOf(pod), JSON.parse(String(encodeObject(pod, keyOf(pod))))) as KubeObject;

const manifest = (name: string, spec: Json) => JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "busybox:1.36", command: ["sleep", "3600"] }], ...spec } });

/** A Pod's line in a state file saved by the previous short form (a 1,000-pod bench state). */
const OLD_SHORT_LINE =
  '"Pod/default/bench-66f79864b6-228qk": {"metadata":{"generateName":"bench-66f79864b6-","labels":{"app":"bench",' +
  '"pod-template-hash":"66f79864b6"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"bench-66f79864b6",' +
  '"uid":"8a008945-9931-4b40-b4ad-17bed7712d76","controller":true,"blockOwnerDeletion":true}],"uid":"a05f96e9-c9b0-4528-85de-91c1b92f1e32",' +
  '"creationTimestamp":"2025-01-01T00:00:00Z","resourceVersion":"7036"},"spec":{"containers":[{"name":"nginx","image":"nginx"}],' +
  '"volumes":["kube-api-access-vv9n8"],"nodeName":"kubesim-worker10"},"status":{"conditions":[{"type":"PodReadyToStartContainers",' +
  '"status":"True","lastTransitionTime":"2025-01-01T00:00:01Z"},{"type":"Initialized","status":"True",' +
  '"lastTransitionTime":"2025-01-01T00:00:00Z"},{"type":"Ready","status":"True","lastTransitionTime":"2025-01-01T00:00:03Z"},' +
  '{"type":"ContainersReady","status":"True","lastTransitionTime":"2025-01-01T00:00:03Z"},{"type":"PodScheduled","status":"True",' +
  '"lastTransitionTime":"2025-01-01T00:00:00Z"}],' +
  '"containerStatuses":[{"containerID":"containerd://6e19ca15293e73ebf1f26d26c179dab9bdf9d5f9dee494feb317f5090bf54b26","name":"nginx",' +
  '"ready":true,"restartCount":0,"started":true,"state":{"running":{"startedAt":"2025-01-01T00:00:03Z"}}}],"hostIP":"172.18.0.12",' +
  '"phase":"Running","podIP":"10.244.10.2","startTime":"2025-01-01T00:00:00Z"}}';

/** Pods made by the real API server, scheduler and kubelet, by name. */
const pods = new Map<string, KubeObject>();

beforeAll(async () => {
  const h = await harness();
  // The Pods as the state file holds them (get -o json would sort their fields).
  const take = async () => {
    for (const line of fs.readFileSync(h.state, "utf8").split("\n")) {
      const saved = /^"(Pod\/[^"]+)": (.*?),?$/.exec(line);
      if (!saved) continue;
      const p = fromSaved(saved[1], JSON.parse(saved[2])) as Json;
      pods.set(p.metadata.name.startsWith("web-") ? `web ${p.status.phase}` : p.metadata.name, p as KubeObject);
    }
  };
  await h.run("create", "deployment", "web", "--image=nginx", "--replicas=1");
  await take();
  await h.run("create", "serviceaccount", "builder");
  for (const [name, spec] of [
    ["tolerant", { tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }] }],
    ["not-ready-tolerant", { tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }] }],
    ["builder", { serviceAccountName: "builder" }],
    ["no-token", { automountServiceAccountToken: false }],
    ["own-defaults", { dnsPolicy: "Default", restartPolicy: "Never", terminationGracePeriodSeconds: 5 }],
    ["with-volume", { volumes: [{ name: "scratch", emptyDir: {} }] }],
  ] as const) {
    await h.runWith({ stdin: manifest(name, spec) }, "apply", "-f", "-");
  }
  await h.run("sim", "advance", "30s");
  await take();
  await take();
}, 60_000);

describe("the short form of a Pod", () => {
  // A Pod without the token volume has less to leave out.
  const cases = [
    ["web Pending", 0.55],
    ["web Running", 0.5],
    ["tolerant", 0.55],
    ["not-ready-tolerant", 0.6],
    ["builder", 0.5],
    ["no-token", 0.65],
    ["own-defaults", 0.55],
    ["with-volume", 0.55],
  ] as const;

  it.each(cases)("gives %s back byte for byte, at under %s of its size", (name, ratio) => {
    const pod = pods.get(name);
    expect(pod, `pod ${name} was made`).toBeDefined();
    const short = shortPod(keyOf(pod!), pod!)!;
    expect(short).toBeDefined();
    expect(isShortPod(short)).toBe(true);
    expect(text(expandPod(keyOf(pod!), JSON.parse(text(short))))).toBe(text(pod));
    expect(text(roundTrip(pod!))).toBe(text(pod));
    expect(text(short).length).toBeLessThan(text(pod).length * ratio);
  });

  it("saves a Deployment's Running nginx pod in under 1.1 KB, with only what the rules cannot give", () => {
    const pod = pods.get("web Running")!;
    expect(pod.status?.phase).toBe("Running");
    const short = shortPod(keyOf(pod), pod)!;
    expect(text(short).length).toBeLessThan(1100);
    const rs = pod.metadata.ownerReferences![0];
    expect(short.metadata.ownerReferences).toEqual([`apps/v1 ReplicaSet ${rs.name} ${rs.uid}`]);
    expect(short.status.conditions).toEqual(pod.status!.conditions.map((c: Json) => `${c.type} ${c.lastTransitionTime}`));
    // `kubectl create deployment` writes resources: {} itself, before the defaults.
    expect(short.spec).toEqual({ containers: [{ name: "nginx", image: "nginx", resources: {} }], volumes: [pod.spec!.volumes[0].name], nodeName: pod.spec!.nodeName });
    expect(short.metadata).not.toHaveProperty("name");
    expect(Object.keys(short.status.containerStatuses[0])).toEqual(["containerID", "name", "ready", "restartCount", "started", "state"]);
  });

  it.each([
    ["tolerant", [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }]],
    ["not-ready-tolerant", [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }]],
  ])("keeps %s's own tolerations and leaves out the defaults admission appended", (name, own) => {
    const pod = pods.get(name)!;
    expect(shortPod(keyOf(pod), pod)!.spec.tolerations).toEqual(own);
  });

  it("keeps a ServiceAccount that is not the default, and leaves out its deprecated mirror", () => {
    const pod = pods.get("builder")!;
    const spec = shortPod(keyOf(pod), pod)!.spec;
    expect(spec.serviceAccountName).toBe("builder");
    expect(spec).not.toHaveProperty("serviceAccount");
  });

  it("keeps automountServiceAccountToken: false and mounts no token when expanded", () => {
    const pod = pods.get("no-token")!;
    const spec = shortPod(keyOf(pod), pod)!.spec;
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec).not.toHaveProperty("volumes");
    expect(roundTrip(pod).spec).not.toHaveProperty("volumes");
  });

  it("keeps defaults the manifest changed", () => {
    const pod = pods.get("own-defaults")!;
    expect(shortPod(keyOf(pod), pod)!.spec).toMatchObject({ dnsPolicy: "Default", restartPolicy: "Never", terminationGracePeriodSeconds: 5 });
  });

  it("keeps a Pod's own volumes before the token volume's name", () => {
    const pod = pods.get("with-volume")!;
    expect(shortPod(keyOf(pod), pod)!.spec.volumes).toEqual([{ name: "scratch", emptyDir: {} }, pod.spec!.volumes[1].name]);
  });
});

describe("a loaded Pod saved again", () => {
  // The Pod as a later command loads it, then writes it: a status write keeps its spec object.
  const loaded = () => roundTrip(pods.get("web Running")!);
  const saved = (pod: KubeObject) => JSON.parse(String(encodeObject(pod, keyOf(pod))));

  it("keeps its spec's short form when its spec is the one it was loaded with", () => {
    const pod = loaded();
    const written = { ...pod, metadata: { ...pod.metadata, resourceVersion: "9999" }, status: { ...pod.status, phase: "Failed" } };
    expect(isShortPod(saved(written))).toBe(true);
    expect(saved(written).spec).toEqual(saved(pods.get("web Running")!).spec);
    expect(text(roundTrip(written))).toBe(text(written));
  });

  it("shortens a spec written anew, and a spec whose Pod became a mirror Pod, afresh", () => {
    const pod = loaded();
    const moved = { ...pod, spec: { ...pod.spec, nodeName: "elsewhere" } };
    expect(saved(moved).spec.nodeName).toBe("elsewhere");
    expect(text(roundTrip(moved))).toBe(text(moved));
    // A mirror Pod's spec expands without a ServiceAccount: this one keeps its own in the short form.
    const mirrored = { ...pod, metadata: { ...pod.metadata, annotations: { "kubernetes.io/config.mirror": "abc" } } };
    expect(isShortPod(saved(mirrored))).toBe(true);
    expect(saved(mirrored).spec.serviceAccountName).toBe("default");
    expect(text(roundTrip(mirrored))).toBe(text(mirrored));
  });
});

describe("what every Pod gets from admission and defaulting", () => {
  const c = freshCluster();
  const made = ["a", "b"].map((name) => c.api.create({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "nginx" }] } }));
  const projection = (pod: KubeObject) => pod.spec!.volumes.at(-1).projected;

  it("is one frozen projection and one frozen object per default toleration, shared by all", () => {
    expect(projection(made[0])).toBe(projection(made[1]));
    expect(Object.isFrozen(projection(made[0]).sources[1].configMap.items[0])).toBe(true);
    made[0].spec!.tolerations.forEach((t: unknown, i: number) => expect(t).toBe(made[1].spec!.tolerations[i]));
    expect(Object.isFrozen(made[0].spec!.tolerations[0])).toBe(true);
  });

  it("is what a short form expands to, the very objects", () => {
    const [pod] = made;
    const expanded = expandPod(keyOf(pod), shortPod(keyOf(pod), pod)!);
    expect(projection(expanded)).toBe(projection(pod));
    expect(expanded.spec!.tolerations[1]).toBe(pod.spec!.tolerations[1]);
  });
});

describe("Pods the rules do not describe", () => {
  const edit = (name: string, change: (p: Json) => void) => () => {
    const pod = structuredClone(pods.get(name)!) as Json;
    change(pod);
    return pod as KubeObject;
  };

  it.each([
    ["a default changed by hand", edit("web Running", (p) => (p.spec.schedulerName = "my-scheduler"))],
    ["a default removed by hand", edit("web Running", (p) => delete p.spec.priority)],
    ["a default moved by hand", edit("web Running", (p) => (p.spec = { dnsPolicy: p.spec.dnsPolicy, ...p.spec }))],
    ["a condition without lastProbeTime", edit("web Running", (p) => delete p.status.conditions[0].lastProbeTime)],
    ["a hostIPs that says more than hostIP", edit("web Running", (p) => p.status.hostIPs.push({ ip: "fd00::1" }))],
    ["a container status naming another image", edit("web Running", (p) => (p.status.containerStatuses[0].image = "docker.io/library/nginx:1.27"))],
    ["a token volume changed by hand", edit("web Running", (p) => (p.spec.volumes[0].projected.defaultMode = 256))],
    ["fields in another order", edit("web Running", (p) => (p.metadata = { namespace: p.metadata.namespace, ...p.metadata }))],
    ["an owner reference that does not block deletion", edit("web Running", (p) => (p.metadata.ownerReferences[0].blockOwnerDeletion = false))],
    ["an owner reference with its fields in another order", edit("web Running", (p) => (p.metadata.ownerReferences[0] = { uid: "u", ...p.metadata.ownerReferences[0] }))],
    ["an owner reference whose name has a space", edit("web Running", (p) => (p.metadata.ownerReferences[0].name = "a b"))],
    ["a condition with a reason", edit("web Running", (p) => (p.status.conditions[0].reason = "Because"))],
    ["a condition whose type has a space", edit("web Running", (p) => (p.status.conditions[0].type = "Ready Now"))],
    ["a condition with a probe time", edit("web Running", (p) => (p.status.conditions[0].lastProbeTime = "2025-01-01T00:00:00Z"))],
  ])("gives back %s exactly", (_name, make) => {
    const pod = make();
    expect(text(roundTrip(pod))).toBe(text(pod));
  });

  it("saves a mirror pod short without a ServiceAccount, as the API server left it", () => {
    const source = { apiVersion: "v1", kind: "Pod", metadata: { name: "etcd", namespace: "kube-system" }, spec: { containers: [{ name: "etcd", image: "registry.k8s.io/etcd:3.5.16-0" }] } };
    const mirror = applyDefaults(buildMirrorPod({ pod: source, hash: "abc", seenAt: "2025-01-01T00:00:00Z" } as never, "node1", "u-node1"));
    expect(mirror.spec).not.toHaveProperty("serviceAccountName");
    const short = shortPod(keyOf(mirror), mirror)!;
    expect(short).toBeDefined();
    expect(short.spec).toEqual({ containers: [{ name: "etcd", image: "registry.k8s.io/etcd:3.5.16-0" }], nodeName: "node1", tolerations: [{ operator: "Exists", effect: "NoExecute" }] });
    expect(text(roundTrip(mirror))).toBe(text(mirror));
  });

  it("gives back a Pod whose manifest named its node last, before the defaults, exactly (saved whole)", () => {
    const pod = applyDefaults({ apiVersion: "v1", kind: "Pod", metadata: { name: "pinned", namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx" }], nodeName: "node1" } });
    expect(text(roundTrip(pod))).toBe(text(pod));
  });

  it.each([
    ["a condition whose status is False", (p: Json) => (p.status.conditions[2].status = "False"), (short: Json, p: Json) => expect(short.status.conditions[2]).toBe(`Ready False ${p.status.conditions[2].lastTransitionTime}`)],
    ["a condition with a reason", (p: Json) => (p.status.conditions[0].reason = "Because"), (short: Json, p: Json) => expect(short.status.conditions[0]).toEqual({ type: p.status.conditions[0].type, status: "True", lastTransitionTime: p.status.conditions[0].lastTransitionTime, reason: "Because" })],
    ["an owner reference that does not block deletion", (p: Json) => (p.metadata.ownerReferences[0].blockOwnerDeletion = false), (short: Json, p: Json) => expect(short.metadata.ownerReferences).toEqual(p.metadata.ownerReferences)],
  ])("saves %s in the form that says it", (_name, change, want) => {
    const pod = structuredClone(pods.get("web Running")!) as Json;
    change(pod);
    want(shortPod(keyOf(pod as KubeObject), pod as KubeObject)!, pod);
    expect(text(roundTrip(pod as KubeObject))).toBe(text(pod));
  });

  it("reads the short form a file written before owner references and conditions were strings, as it was", () => {
    const [, key, saved] = /^"([^"]+)": (.*)$/.exec(OLD_SHORT_LINE)!;
    const pod = fromSaved(key, JSON.parse(saved)) as Json;
    expect(pod.metadata.ownerReferences).toEqual([
      { apiVersion: "apps/v1", kind: "ReplicaSet", name: "bench-66f79864b6", uid: "8a008945-9931-4b40-b4ad-17bed7712d76", controller: true, blockOwnerDeletion: true },
    ]);
    expect(pod.status.conditions[0]).toEqual({ type: "PodReadyToStartContainers", status: "True", lastProbeTime: null, lastTransitionTime: "2025-01-01T00:00:01Z" });
    expect(Object.keys(pod.metadata).slice(0, 3)).toEqual(["name", "generateName", "namespace"]);
    const now = text(shortPod(key as never, pod as KubeObject));
    expect(now.length).toBeLessThan(saved.length - 300);
    expect(text(fromSaved(key, JSON.parse(now)))).toBe(text(pod));
  });

  it("reads a full-form Pod from an older file as it is", () => {
    const pod = pods.get("web Running")!;
    expect(text(fromSaved(keyOf(pod), JSON.parse(text(pod))))).toBe(text(pod));
  });

  it("is not used for a Pod with no spec or of another API version: it is saved whole", () => {
    const pod = pods.get("web Running")!;
    expect(shortPod(keyOf(pod), { ...pod, spec: undefined } as KubeObject)).toBeUndefined();
    expect(shortPod(keyOf(pod), { ...pod, apiVersion: "v2" })).toBeUndefined();
  });
});
