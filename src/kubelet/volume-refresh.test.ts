import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { nextPeriodicSync, volumeSourceNames } from "./volume-refresh";

describe("nextPeriodicSync", () => {
  const cases = [
    { name: "a change at the sandbox's creation lands at once", created: 1000, now: 1000, want: 1000 },
    { name: "a change just after a sync waits a whole period", created: 1000, now: 1001, want: 61_000 },
    { name: "a change exactly at a later sync lands at once", created: 1000, now: 121_000, want: 121_000 },
    { name: "a change mid-period lands at the end of that period", created: 0, now: 95_000, want: 120_000 },
  ];
  it.each(cases)("$name", ({ created, now, want }) => expect(nextPeriodicSync(created, now)).toBe(want));
});

describe("volumeSourceNames", () => {
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: {
      volumes: [
        { name: "a", configMap: { name: "cm1" } },
        { name: "b", secret: { secretName: "s1" } },
        { name: "c", projected: { sources: [{ configMap: { name: "cm2" } }, { secret: { name: "s2" } }, { downwardAPI: { items: [] } }] } },
        { name: "d", emptyDir: {} },
      ],
    },
  };
  const cases = [
    { name: "ConfigMaps of configMap and projected volumes", kind: "ConfigMap" as const, want: ["cm1", "cm2"] },
    { name: "Secrets of secret and projected volumes", kind: "Secret" as const, want: ["s1", "s2"] },
  ];
  it.each(cases)("$name", ({ kind, want }) => expect(volumeSourceNames(pod, kind)).toEqual(want));
});
