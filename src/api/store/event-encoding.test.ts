import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "./store";
import { expandEvent, isShortEvent, savedLastTimestamp, secondOfNanos, shortEvent } from "./event-encoding";
import { RawJson, encodeObject, isRecorderShaped } from "./raw-json";
import { recordEvent } from "../../sim/recorder";
import { createRng } from "../../sim/random";
import { instant, seconds } from "../../sim/time";
import type { EventNote } from "../../controllers/types";
import { freshCluster } from "../../../test/conformance/seed-states";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "u-pod", resourceVersion: "7" } };
const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "worker", uid: "u-node", resourceVersion: "3" } };
const rs: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-7d9", namespace: "shop", uid: "u-rs", resourceVersion: "5" } };
const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));

/** The Events the recorder makes for these notes, the second one recorded twice (count 2). */
function recorded(...notes: EventNote[]): [string, KubeObject][] {
  const store = new Store();
  const rng = createRng(1);
  const sink = { store, runtime: new Map<string, unknown>(), runtimeWrites: 0 };
  notes.forEach((n, i) => recordEvent(sink, n, instant(T0 + i * 1000), rng));
  if (notes[1]) recordEvent(sink, notes[1], instant(T0 + 9000), rng);
  return store.all().map((e) => [`Event/${e.metadata.namespace}/${e.metadata.name}`, e]);
}

const events = recorded(
  { regarding: pod, type: "Normal", reason: "Scheduled", message: "Successfully assigned shop/web-1 to worker", source: "default-scheduler" },
  { regarding: pod, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container", source: "kubelet", host: "worker", fieldPath: "spec.containers{web}" },
  { regarding: node, type: "Normal", reason: "NodeReady", message: "Node worker status is now: NodeReady", source: "kubelet", host: "worker" },
  { regarding: pod, type: "Normal", reason: "Pulling", message: 'Pulling image "nginx"', source: "kubelet", host: "worker", fieldPath: "spec.containers{web}" },
  { regarding: rs, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: web-7d9-x2k4p", source: "replicaset-controller" },
  { regarding: pod, type: "Normal", reason: "Created", message: "Created container web", source: "kubelet", host: "worker", fieldPath: "spec.containers{web}" },
);

const find = (reason: string) => events.find(([, e]) => e.reason === reason)!;

describe("the short form of an Event", () => {
  it.each(events.map(([key, e]) => [`${e.reason} (${key})`, key, e] as const))("gives %s back byte for byte, shorter", (_name, key, e) => {
    const short = shortEvent(key, e)!;
    expect(isShortEvent(short)).toBe(true);
    expect(JSON.stringify(expandEvent(key, short))).toBe(JSON.stringify(e));
    expect(JSON.stringify(short).length).toBeLessThan(JSON.stringify(e).length * 0.6);
  });

  it("keeps what differs from the recorder's defaults: a count, a Warning, a later last timestamp", () => {
    const [key, backOff] = find("BackOff");
    const short = shortEvent(key, backOff)!;
    expect(short).toMatchObject({ count: 2, type: "Warning", lastTimestamp: "2025-01-01T00:00:09Z" });
    expect(short).not.toHaveProperty("firstTimestamp");
  });

  it("marks an involved object without a namespace (a Node), so it is not given the Event's", () => {
    const [key, ready] = find("NodeReady");
    expect(shortEvent(key, ready)!.for).toEqual({ kind: "Node", namespace: null, uid: "u-node", resourceVersion: "3" });
  });

  it.each([
    ["Scheduled", { uid: "u-pod", resourceVersion: "7" }],
    ["Pulling", { uid: "u-pod", resourceVersion: "7", fieldPath: "spec.containers{web}" }],
    ["SuccessfulCreate", { kind: "ReplicaSet", uid: "u-rs", resourceVersion: "5" }],
  ])("saves the object a %s Event is for without what its kind and the Event's name and namespace say", (reason, involved) => {
    const [key, e] = find(reason);
    const short = shortEvent(key, e)!;
    expect(short.for).toEqual(involved);
    expect(short).not.toHaveProperty("involvedObject");
    expect(short).not.toHaveProperty("regarding");
  });

  it.each([
    ["the nanosecond before a second", -1n, "2025-01-01T00:00:00Z"],
    ["the first nanosecond of a second", 0n, "2025-01-01T00:00:01Z"],
    ["a nanosecond into it", 1n, "2025-01-01T00:00:01Z"],
    ["the last nanosecond of that window of 4,096", 4095n, "2025-01-01T00:00:01Z"],
    ["half a second into it", 500_000_000n, "2025-01-01T00:00:01Z"],
    ["the last nanosecond of the second", 999_999_999n, "2025-01-01T00:00:01Z"],
  ])("reads a creation time from its name's stamp at %s", (_at, offset, want) => {
    const nanos = 1_735_689_601_000_000_000n + offset;
    const key = `Event/shop/web-1.${nanos.toString(16)}`;
    // Twice: the second read comes from what the first remembered.
    for (let i = 0; i < 2; i++) expect(expandEvent(key, { uid: "u", resourceVersion: "1", for: {}, reason: "Pulling" }).metadata.creationTimestamp).toBe(want);
  });

  it("saves an Event's uid and resourceVersion beside the object it is for, without a creation time its name's stamp gives", () => {
    const [key, scheduled] = find("Scheduled");
    const short = shortEvent(key, scheduled)!;
    expect(Object.keys(short).slice(0, 3)).toEqual(["uid", "resourceVersion", "for"]);
    expect(short).toMatchObject({ uid: scheduled.metadata.uid, resourceVersion: scheduled.metadata.resourceVersion });
    expect(short).not.toHaveProperty("metadata");
    expect(short).not.toHaveProperty("lastTimestamp");
  });

  it.each([
    ["Scheduled", { message: ["worker"] }, ["source", "host"]],
    ["Pulling", { message: ["nginx"], host: "worker" }, ["source"]],
    ["Created", { host: "worker" }, ["message", "source"]],
    ["SuccessfulCreate", { message: ["x2k4p"] }, ["source", "host"]],
    ["NodeReady", { host: "worker" }, ["message", "source"]],
  ])("saves a %s Event's message as its template's free parts and its source as its host", (reason, saved, left) => {
    const [key, e] = find(reason);
    const short = shortEvent(key, e)!;
    expect(short).toMatchObject(saved);
    for (const field of left) expect(short).not.toHaveProperty(field);
  });

  it.each([
    ["a message its template does not make", "BackOff", { message: "Back-off restarting failed container" }],
    ["a source another component reported", "Pulling", { source: { component: "kubelet-ish", host: "worker" } }],
    ["a source with more than a component and host", "Pulling", { source: { component: "kubelet", host: "worker", extra: 1 } }],
  ])("keeps %s whole", (_name, reason, change) => {
    const [key, e] = find(reason);
    const changed = { ...e, ...change } as KubeObject;
    const short = shortEvent(key, changed)!;
    expect(short).toMatchObject(change);
    expect(JSON.stringify(expandEvent(key, short))).toBe(JSON.stringify(changed));
  });

  it("keeps metadata with more than a uid and resourceVersion in its place", () => {
    const [key, e] = find("Pulling");
    const { name, namespace, ...rest } = e.metadata;
    const labelled = { ...e, metadata: { name, namespace, labels: { team: "a" }, ...rest } };
    const short = shortEvent(key, labelled)!;
    expect(short.metadata).toEqual({ labels: { team: "a" }, uid: e.metadata.uid, resourceVersion: e.metadata.resourceVersion });
    expect(short).not.toHaveProperty("uid");
    expect(JSON.stringify(expandEvent(key, short))).toBe(JSON.stringify(labelled));
  });

  it.each(events.map(([key, e]) => [e.reason, key, e] as const))("reads when a saved %s Event was last seen from its text", (_reason, key, e) => {
    const raw = new RawJson(Buffer.from(JSON.stringify(shortEvent(key, e))), () => new Error("corrupt"));
    expect(savedLastTimestamp(key, raw)).toBe(e.lastTimestamp);
  });

  it.each([
    ["fields in another order", (e: any) => ({ kind: e.kind, ...e })],
    ["no eventTime field", (e: any) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== "eventTime"))],
    ["no message, where its reason's template has no free part", (e: any) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== "message"))],
    ["an events.k8s.io Event", (e: any) => ({ ...e, apiVersion: "events.k8s.io/v1" })],
  ])("is not used for an Event with %s: it is saved whole", (_name, change) => {
    const [key, e] = find("Created");
    expect(shortEvent(key, change(e) as KubeObject)).toBeUndefined();
  });
});

describe("the Events each recorder makes", () => {
  // A Deployment's rollout and scale-down, a StatefulSet, a crash loop and a pod of an image
  // already pulled: Events from the deployment, replicaset and statefulset controllers, the
  // scheduler and the kubelet.
  const c = freshCluster();
  const app = (kind: string, name: string, spec: object, image = "nginx:1.27"): KubeObject => ({
    apiVersion: "apps/v1",
    kind,
    metadata: { name },
    spec: { ...spec, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image }] } } },
  });
  c.api.create(app("Deployment", "web", { replicas: 4 }));
  c.api.create(app("StatefulSet", "db", { replicas: 1, serviceName: "db" }));
  c.api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "crash" }, spec: { containers: [{ name: "box", image: "busybox", command: ["sh", "-c", "exit 1"] }] } });
  c.settle();
  c.advance(seconds(60));
  const deployment = c.api.get("Deployment", "default", "web");
  c.api.update({ ...deployment, spec: { ...deployment.spec, replicas: 1 } });
  c.api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "late" }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } });
  c.settle();
  c.advance(seconds(60));
  const saved = c.store.all().filter((e) => e.kind === "Event").map((e) => [`Event/${e.metadata.namespace}/${e.metadata.name}`, e, shortEvent(`Event/${e.metadata.namespace}/${e.metadata.name}`, e)] as const);

  it("are all saved short, and expand back byte for byte", () => {
    for (const [key, e, short] of saved) {
      expect(short, key).toBeDefined();
      expect(JSON.stringify(expandEvent(key, short!)), key).toBe(JSON.stringify(e));
    }
  });

  it("are saved short unchecked when new, in the very form the check passes; counted up, checked", () => {
    expect(saved.filter(([, e]) => isRecorderShaped(e)).length).toBeGreaterThan(20);
    for (const [key, e, short] of saved) {
      expect(isRecorderShaped(e), key).toBe(e.count === 1);
      expect(String(encodeObject(e, key)), key).toBe(JSON.stringify(short));
    }
  });

  it("lose the mark when stored again (put), as an object changed in place would be", () => {
    const [key, e] = saved.find(([, e]) => isRecorderShaped(e))!;
    new Store().put(e, key);
    expect(isRecorderShaped(e)).toBe(false);
  });

  it("are saved with their messages as template parts, and their sources implied", () => {
    const forms = new Set(saved.map(([, e, short]) => `${(e.involvedObject as KubeObject).kind} ${e.reason}: message ${describeSaved(short!.message)}, source ${short!.source ? "whole" : short!.host ? "host" : "implied"}`));
    expect([...forms].sort()).toEqual([
      "Deployment ScalingReplicaSet: message 4 parts, source implied",
      "Pod BackOff: message implied, source host",
      "Pod Created: message implied, source host",
      "Pod Killing: message implied, source host",
      "Pod Pulled: message 1 parts, source host",
      "Pod Pulled: message 4 parts, source host",
      "Pod Pulling: message 1 parts, source host",
      "Pod Scheduled: message 1 parts, source implied",
      "Pod Started: message implied, source host",
      "ReplicaSet SuccessfulCreate: message 1 parts, source implied",
      "ReplicaSet SuccessfulDelete: message 1 parts, source implied",
      "StatefulSet SuccessfulCreate: message 1 parts, source implied",
    ]);
  });
});

const describeSaved = (message: unknown) => (message === undefined ? "implied" : Array.isArray(message) ? `${message.length} parts` : "whole");

describe("the second an Event's name stamps (its nanoseconds in hex)", () => {
  const cases: [hex: string, why: string][] = [
    ["1816687ec0570000", "a recorder's name at a whole second"],
    ["1816687ec0570003", "three Events later at that instant"],
    ["1816687efbf1ca00", "a second later"],
    ["3b9ac9ff", "the last nanosecond before the first second"],
    ["3b9aca00", "the first second"],
    ["0", "zero"],
    ["ffffffffffffffff", "the largest sixteen digits hold"],
    ["de0b6b3a763ffff", "just before a second, with 15 digits"],
  ];
  it.each(cases)("%s (%s) is the second BigInt division gives", (hex) => {
    expect(secondOfNanos(hex)).toBe(Number(BigInt(`0x${hex}`) / 1_000_000_000n));
  });
  it("gives the recorder's names their creation time", () => {
    const [key, e] = recorded({ regarding: pod, type: "Normal", reason: "Pulling", message: 'Pulling image "nginx"', source: "kubelet", host: "worker" })[0];
    expect(expandEvent(key, { for: {}, host: "worker" }).metadata.creationTimestamp).toBe(e.metadata.creationTimestamp);
    expect(e.metadata.creationTimestamp).toBe("2025-01-01T00:00:00Z");
  });
});

describe("Events saved in an older short form", () => {
  // A Pulled Event as the first short form saved it (involvedObject whole but its namespace).
  const key = "Event/default/web-1.1816687f92817d80";
  const saved = {
    metadata: { uid: "16d2b04f", resourceVersion: "7037", creationTimestamp: "2025-01-01T00:00:03Z" },
    involvedObject: { apiVersion: "v1", kind: "Pod", name: "web-1", uid: "a05f96e9", resourceVersion: "5036", fieldPath: "spec.containers{nginx}" },
    reason: "Pulled",
    message: 'Successfully pulled image "nginx" in 2.526s (2.526s including waiting). Image size: 72953636 bytes.',
    source: { component: "kubelet", host: "kubesim-worker10" },
    lastTimestamp: "2025-01-01T00:00:03Z",
  };
  const pulled = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "web-1.1816687f92817d80", namespace: "default", uid: "16d2b04f", resourceVersion: "7037", creationTimestamp: "2025-01-01T00:00:03Z" },
    involvedObject: { apiVersion: "v1", kind: "Pod", name: "web-1", namespace: "default", uid: "a05f96e9", resourceVersion: "5036", fieldPath: "spec.containers{nginx}" },
    reason: "Pulled",
    message: saved.message,
    source: saved.source,
    firstTimestamp: "2025-01-01T00:00:03Z",
    lastTimestamp: "2025-01-01T00:00:03Z",
    count: 1,
    type: "Normal",
    eventTime: null,
    reportingComponent: "kubelet",
    reportingInstance: "kubesim-worker10",
  };

  it("with `involvedObject` expand to the Event the recorder made", () => {
    expect(isShortEvent(saved)).toBe(true);
    expect(JSON.stringify(expandEvent(key, saved))).toBe(JSON.stringify(pulled));
  });

  it("with `involvedObject` keep an involved object's missing apiVersion missing, and a missing last timestamp missing", () => {
    const { apiVersion: _v, ...involvedObject } = saved.involvedObject;
    const { lastTimestamp: _l, ...rest } = saved;
    const e = JSON.parse(JSON.stringify(expandEvent(key, { ...rest, involvedObject })));
    expect(e.involvedObject).not.toHaveProperty("apiVersion");
    expect(e).not.toHaveProperty("lastTimestamp");
  });

  it("with `involvedObject` are read for their last timestamp from their text, as before", () => {
    const raw = new RawJson(Buffer.from(JSON.stringify(saved)), () => new Error("corrupt"));
    expect(savedLastTimestamp(key, raw)).toBe("2025-01-01T00:00:03Z");
  });

  // The same Event as the previous short form saved it (the form of the 1,000-pod bench state).
  const regarding = {
    metadata: { uid: "16d2b04f", resourceVersion: "7037" },
    regarding: { uid: "a05f96e9", resourceVersion: "5036", fieldPath: "spec.containers{nginx}" },
    reason: "Pulled",
    message: saved.message,
    source: saved.source,
  };

  it("with `regarding` expand to the Event the recorder made", () => {
    expect(isShortEvent(regarding)).toBe(true);
    expect(JSON.stringify(expandEvent(key, regarding))).toBe(JSON.stringify(pulled));
  });

  it("with `regarding` give a ReplicaSet's Event its saved apiVersion, and an object saved without one v1", () => {
    const rsKey = "Event/default/web-7d9.1816687ec0570000";
    const created = { metadata: { uid: "1c75d648", resourceVersion: "532" }, regarding: { apiVersion: "apps/v1", kind: "ReplicaSet", uid: "8a00", resourceVersion: "27" }, reason: "SuccessfulCreate", message: "Created pod: web-7d9-7qjxt", source: { component: "replicaset-controller" } };
    expect(JSON.stringify(expandEvent(rsKey, created))).toBe(
      JSON.stringify({
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: "web-7d9.1816687ec0570000", namespace: "default", uid: "1c75d648", resourceVersion: "532", creationTimestamp: "2025-01-01T00:00:00Z" },
        involvedObject: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7d9", namespace: "default", uid: "8a00", resourceVersion: "27" },
        reason: "SuccessfulCreate",
        message: "Created pod: web-7d9-7qjxt",
        source: { component: "replicaset-controller" },
        firstTimestamp: "2025-01-01T00:00:00Z",
        lastTimestamp: "2025-01-01T00:00:00Z",
        count: 1,
        type: "Normal",
        eventTime: null,
        reportingComponent: "replicaset-controller",
        reportingInstance: "",
      }),
    );
    const { apiVersion: _v, ...withoutVersion } = created.regarding;
    expect(expandEvent(rsKey, { ...created, regarding: withoutVersion }).involvedObject).toMatchObject({ apiVersion: "v1", kind: "ReplicaSet" });
  });

  it("with `regarding` keep a message and source as saved, with no template or implied source", () => {
    const e = expandEvent(key, { metadata: regarding.metadata, regarding: regarding.regarding, reason: "Created" });
    expect(e).not.toHaveProperty("message");
    expect(e).not.toHaveProperty("source");
  });

  it("with `regarding` are read for their last timestamp from their text, as before", () => {
    const raw = new RawJson(Buffer.from(JSON.stringify(regarding)), () => new Error("corrupt"));
    expect(savedLastTimestamp(key, raw)).toBe("2025-01-01T00:00:03Z");
  });
});
