import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { getPodQOS } from "./pod-qos";

const podWith = (...resources: object[]): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: "x", resources: r })) },
});

describe("getPodQOS", () => {
  const cases = [
    { name: "is BestEffort without requests or limits", pod: podWith({}), want: "BestEffort" },
    { name: "is Guaranteed when limits equal requests", pod: podWith({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } }), want: "Guaranteed" },
    { name: "is Guaranteed with limits only (requests default to them)", pod: podWith({ limits: { cpu: "500m", memory: "256Mi" } }), want: "Guaranteed" },
    { name: "is Burstable with a request below its limit", pod: podWith({ requests: { cpu: "250m" }, limits: { cpu: "1", memory: "1Gi" } }), want: "Burstable" },
    { name: "is Burstable when one container lacks limits", pod: podWith({ limits: { cpu: "1", memory: "1Gi" } }, {}), want: "Burstable" },
    { name: "is Burstable with a cpu request alone", pod: podWith({ requests: { cpu: "100m" } }), want: "Burstable" },
  ];
  it.each(cases)("$name", ({ pod, want }) => expect(getPodQOS(pod)).toBe(want));
});
