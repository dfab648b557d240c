import { describe, expect, it } from "vitest";
import type { KubeObject } from "./types";
import { Store } from "./store/store";
import { ApiServer, loadWritePipeline } from "./server";
import { StatusError } from "./errors";
import { createRng } from "../sim/random";
import { instant } from "../sim/time";

await loadWritePipeline();

const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" }, status: { phase: "Active" } };
const server = () => new ApiServer(new Store([ns]), () => instant(0), createRng(1));
const pod = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec });

/** The invalid fields create reports ("path: type", marked when the semantic rules found it), or "created". */
function outcome(obj: KubeObject, trusted: boolean): string {
  try {
    server().create(obj, { trusted });
    return "created";
  } catch (err) {
    if (err instanceof StatusError && err.invalid) return err.invalid.issues.map((i) => `${i.path}: ${i.type}${i.detail === undefined ? "" : " (semantics)"}`).join("; ");
    throw err;
  }
}

describe("a controller's (trusted) write skips the schema's required fields, not the semantic rules", () => {
  const noName = pod("web", { containers: [{ image: "nginx" }] });
  const cases = [
    { name: "a user's write meets both the schema and the semantic rules", obj: noName, trusted: false, want: "spec.containers[0].name: Required; spec.containers[0].name: Required (semantics)" },
    { name: "a controller's meets the semantic rules only", obj: noName, trusted: true, want: "spec.containers[0].name: Required (semantics)" },
    { name: "a controller's pod with an invalid name is still refused", obj: pod("Web_1", { containers: [{ name: "c", image: "nginx" }] }), trusted: true, want: "metadata.name: Invalid (semantics)" },
    { name: "a controller's valid pod is created", obj: pod("web", { containers: [{ name: "c", image: "nginx" }] }), trusted: true, want: "created" },
  ];
  it.each(cases)("$name", ({ obj, trusted, want }) => {
    expect(outcome(obj, trusted)).toBe(want);
  });
});

describe("a status write", () => {
  it("keeps a copy of a user's status: changing the input afterwards changes nothing stored", () => {
    const api = server();
    api.create(pod("web", { containers: [{ name: "c", image: "nginx" }] }));
    const input = { ...api.get("Pod", "default", "web"), status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } };
    api.updateStatus(input);
    input.status.conditions[0].status = "False";
    input.status.phase = "Failed";
    expect(api.get("Pod", "default", "web").status).toEqual({ phase: "Running", conditions: [{ type: "Ready", status: "True" }] });
  });
});

describe("a controller's write of metadata alone", () => {
  it("takes the finalizers off on the spec it read, and removes the deleted object it held", () => {
    const api = server();
    const created = api.create({ ...pod("web", { containers: [{ name: "c", image: "nginx" }] }), metadata: { name: "web", namespace: "default", finalizers: ["batch.kubernetes.io/job-tracking"] } });
    api.update({ ...created, metadata: { ...created.metadata, labels: { app: "web" } } }, { trusted: true });
    const stored = api.get("Pod", "default", "web");
    expect([stored.metadata.labels, stored.metadata.uid, stored.spec === created.spec]).toEqual([{ app: "web" }, created.metadata.uid, true]);
    api.delete({ kind: "Pod", namespace: "default", name: "web" });
    const deleting = api.get("Pod", "default", "web");
    api.update({ ...deleting, metadata: { ...deleting.metadata, finalizers: [] } }, { trusted: true });
    expect(api.tryGet("Pod", "default", "web")).toBeUndefined();
  });
});

describe("deleting a pod", () => {
  const bound = (phase: string): KubeObject => ({ ...pod("web", { nodeName: "kubesim-worker", containers: [{ name: "c", image: "nginx" }] }), status: { phase } });
  it.each([
    { phase: "Running", want: "terminating for 30s" },
    { phase: "Succeeded", want: "gone" },
    { phase: "Failed", want: "gone" },
  ])("a bound $phase pod is $want (a finished pod has nothing left to stop)", ({ phase, want }) => {
    const api = server();
    const created = api.create(bound(phase));
    api.updateStatus({ ...created, status: { phase } });
    api.delete({ kind: "Pod", namespace: "default", name: "web" });
    const left = api.tryGet("Pod", "default", "web");
    expect(left ? `terminating for ${left.metadata.deletionGracePeriodSeconds}s` : "gone").toBe(want);
  });
});

describe("a controller's write of more than metadata", () => {
  it("keeps what it changed outside spec and status (an Endpoints' subsets)", () => {
    const api = server();
    const created = api.create({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default" }, subsets: [] } as KubeObject);
    const subsets = [{ addresses: [{ ip: "10.244.1.5" }], ports: [{ port: 80, protocol: "TCP" }] }];
    api.update({ ...created, subsets } as KubeObject, { trusted: true });
    expect((api.get("Endpoints", "default", "web") as KubeObject & { subsets: unknown }).subsets).toEqual(subsets);
  });
});
