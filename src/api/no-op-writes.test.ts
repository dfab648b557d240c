// A write that changes nothing is no write: the API server hands back the stored object and
// its resourceVersion stays (etcd's revision does not move). What counts as a change: any
// field's value, the status included; an undefined member is no member, as in JSON.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "./types";
import { Store } from "./store/store";
import { ApiServer, loadWritePipeline } from "./server";
import { createRng } from "../sim/random";
import { instant } from "../sim/time";

await loadWritePipeline();

const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" }, status: { phase: "Active" } };

function stored(status: Record<string, unknown> | undefined): { server: ApiServer; pod: KubeObject } {
  const server = new ApiServer(new Store([ns]), () => instant(0), createRng(1));
  const created = server.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default", labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } }, { trusted: true });
  const pod = status === undefined ? created : server.updateStatus({ ...created, status }, { trusted: true });
  return { server, pod };
}

describe("a status write that changes nothing keeps the resourceVersion", () => {
  const cases: { name: string; before: Record<string, unknown>; after: Record<string, unknown> | undefined; changed: boolean }[] = [
    { name: "the same status", before: { phase: "Pending" }, after: { phase: "Pending" }, changed: false },
    { name: "a new phase", before: { phase: "Pending" }, after: { phase: "Running" }, changed: true },
    { name: "a field added", before: { phase: "Pending" }, after: { phase: "Pending", podIP: "10.244.1.2" }, changed: true },
    { name: "a field taken away", before: { phase: "Pending", podIP: "10.244.1.2" }, after: { phase: "Pending" }, changed: true },
    { name: "an undefined member is none", before: { phase: "Pending" }, after: { phase: "Pending", podIP: undefined }, changed: false },
    { name: "a change deep in a list", before: { conditions: [{ type: "Ready", status: "False" }] }, after: { conditions: [{ type: "Ready", status: "True" }] }, changed: true },
    { name: "an empty status for one", before: { phase: "Pending" }, after: {}, changed: true },
  ];
  it.each(cases)("$name", ({ before, after, changed }) => {
    const { server, pod } = stored(before);
    const written = server.updateStatus({ ...pod, status: after }, { trusted: true });
    expect(written.metadata.resourceVersion !== pod.metadata.resourceVersion).toBe(changed);
    expect(server.get("Pod", "default", "web").metadata.resourceVersion).toBe(written.metadata.resourceVersion);
  });
});

describe("a metadata write with the status unchanged", () => {
  it("is a change when a label changed", () => {
    const { server, pod } = stored({ phase: "Running" });
    const written = server.update({ ...pod, metadata: { ...pod.metadata, labels: { app: "db" } } }, { trusted: true });
    expect(written.metadata.resourceVersion).not.toBe(pod.metadata.resourceVersion);
  });
  it("is none when nothing changed", () => {
    const { server, pod } = stored({ phase: "Running" });
    const written = server.update({ ...pod, metadata: { ...pod.metadata } }, { trusted: true });
    expect(written.metadata.resourceVersion).toBe(pod.metadata.resourceVersion);
  });
});
