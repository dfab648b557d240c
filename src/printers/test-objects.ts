// Small builders for printer tests: plain objects with a fixed epoch, nothing read from a clock.

import type { KubeObject } from "../api/types";
import { instant, toRFC3339, type Instant } from "../sim/time";

/** The fixed epoch of every printer test. */
export const T0: Instant = instant(Date.parse("2025-01-01T00:00:00Z"));

/** RFC 3339 for T0 minus a number of seconds: `ago(90)` is 90s before T0. */
export function ago(seconds: number): string {
  return toRFC3339(instant(T0 - seconds * 1000));
}

export function meta(name: string, extra: Record<string, unknown> = {}): KubeObject["metadata"] {
  return { name, namespace: "default", uid: `uid-${name}`, creationTimestamp: ago(300), ...extra };
}

export function obj(apiVersion: string, kind: string, name: string, rest: Record<string, unknown> = {}, metaExtra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: meta(name, metaExtra), ...rest };
}

/** A running, ready pod with one nginx container, created 5m before T0. */
export function runningPod(name: string, overrides: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: meta(name),
    spec: { containers: [{ name: "nginx", image: "nginx:1.27" }], nodeName: "node-1" },
    status: {
      phase: "Running",
      podIP: "10.244.0.5",
      podIPs: [{ ip: "10.244.0.5" }],
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [{ name: "nginx", ready: true, restartCount: 0, state: { running: { startedAt: ago(290) } } }],
    },
    ...overrides,
  };
}
