import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { existenceChanged, notOnlyFinalizers, placementChanged, specOrPhaseChanged } from "./change-predicates";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { containers: [] }, status: { phase: "Pending" } };
const statusWrite = { ...pod, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True" }] } };
const running = { ...pod, status: { phase: "Running" } };
const newSpec = { ...pod, spec: { ...pod.spec, nodeName: "worker" } };
const deleting = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } };
const relabelled = { ...pod, metadata: { ...pod.metadata, labels: { app: "web" } } };
const released = { ...pod, metadata: { ...pod.metadata, finalizers: [], resourceVersion: "9" } };
const scheduled = (at: string) => ({ ...pod, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True", lastTransitionTime: at }] } });

describe("change predicates", () => {
  it.each([
    { name: "a creation", before: undefined, after: pod, existence: true, specOrPhase: true, notFinalizers: true, placement: true },
    { name: "a removal", before: pod, after: undefined, existence: true, specOrPhase: true, notFinalizers: true, placement: true },
    { name: "deletion beginning", before: pod, after: deleting, existence: true, specOrPhase: true, notFinalizers: true, placement: true },
    { name: "a status write in the same phase", before: pod, after: statusWrite, existence: false, specOrPhase: false, notFinalizers: true, placement: false },
    { name: "a new phase", before: pod, after: running, existence: false, specOrPhase: true, notFinalizers: true, placement: false },
    { name: "a new spec (binding)", before: pod, after: newSpec, existence: false, specOrPhase: true, notFinalizers: true, placement: true },
    { name: "new labels", before: pod, after: relabelled, existence: false, specOrPhase: false, notFinalizers: true, placement: false },
    { name: "finalizers taken off", before: pod, after: released, existence: false, specOrPhase: false, notFinalizers: false, placement: false },
    { name: "scheduled (a time)", before: pod, after: scheduled("2025-01-01T00:00:01Z"), existence: false, specOrPhase: false, notFinalizers: true, placement: true },
    { name: "scheduled at another time", before: scheduled("2025-01-01T00:00:01Z"), after: scheduled("2025-01-01T00:00:02Z"), existence: false, specOrPhase: false, notFinalizers: true, placement: true },
    { name: "a status write keeping the time", before: scheduled("2025-01-01T00:00:01Z"), after: { ...scheduled("2025-01-01T00:00:01Z"), status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True", lastTransitionTime: "2025-01-01T00:00:01Z" }] } }, existence: false, specOrPhase: true, notFinalizers: true, placement: false },
  ])("$name", ({ before, after, existence, specOrPhase, notFinalizers, placement }) => {
    expect(existenceChanged(before, after)).toBe(existence);
    expect(specOrPhaseChanged(before, after)).toBe(specOrPhase);
    expect(notOnlyFinalizers(before, after)).toBe(notFinalizers);
    expect(placementChanged(before, after)).toBe(placement);
  });
});
