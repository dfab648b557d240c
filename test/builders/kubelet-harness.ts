// One node's kubelet over a real store and runtime map, synced by hand at chosen instants: the
// harness the kubelet's table tests share (every image already on the node, so a container
// starts 1s after its sandbox). Records and objects are frozen, as the engine's view is.

import type { KubeObject } from "../../src/api/types";
import { keyOf, refOf } from "../../src/api/types";
import { Store } from "../../src/api/store/store";
import { viewOf } from "../../src/api/store/view";
import type { Outcome, RuntimeWrite } from "../../src/controllers/types";
import { createRng } from "../../src/sim/random";
import type { Instant } from "../../src/sim/time";
import { instant, toRFC3339 } from "../../src/sim/time";
import { kubelet } from "../../src/kubelet/kubelet";
import { qualifiedImage } from "../../src/kubelet/image-pull";
import { containerLogs } from "../../src/kubelet/logs";
import { execInContainer } from "../../src/kubelet/exec";
import type { PodRecord } from "../../src/kubelet/runtime-record";
import { node } from "./node";
import { deepFreeze } from "../../src/api/deep-freeze";

export const KT0 = instant(Date.UTC(2025, 0, 1, 10, 0, 0));
export const kat = (ms: number): Instant => instant(KT0 + ms);

/** A pod bound to kubesim-worker (uid `uid-NAME`), scheduled at KT0. */
export function boundPod(name: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "1" },
    spec: {
      nodeName: "kubesim-worker",
      restartPolicy: "Always",
      containers: containers.map((c) => ({ imagePullPolicy: "IfNotPresent", ...c })),
      ...extra,
    },
    status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: toRFC3339(KT0) }] },
  };
}

export class KubeletHarness {
  readonly store: Store;
  readonly runtime = new Map<string, unknown>();
  readonly rng = createRng(7);
  constructor(pods: KubeObject[], images: string[]) {
    this.store = new Store([node("kubesim-worker", 1).build(), ...pods].map(deepFreeze));
    this.runtime.set("node:kubesim-worker", { images: Object.fromEntries(images.map((i) => [qualifiedImage(i), 0])), pullFreeAt: 0, pods: {} });
  }
  get view() {
    return viewOf(this.store, this.runtime);
  }
  sync(name: string, now: Instant): Outcome {
    for (const r of this.runtime.values()) deepFreeze(r);
    const out = kubelet.reconcile(this.view, `Pod/default/${name}`, now, this.rng);
    for (const w of out.writes) {
      if (w.op === "updateStatus") this.store.put(deepFreeze({ ...this.store.get(keyOf(refOf(w.object)))!, status: w.object.status }));
    }
    this.apply(out.runtime ?? []);
    return out;
  }
  apply(writes: readonly RuntimeWrite[]): void {
    for (const r of writes) {
      if (r.record === undefined) this.runtime.delete(r.podUid);
      else this.runtime.set(r.podUid, r.record);
    }
  }
  pod(name: string): KubeObject {
    return this.store.get(`Pod/default/${name}`)!;
  }
  record(name: string): PodRecord {
    return this.runtime.get(`uid-${name}`) as PodRecord;
  }
  /** What the container printed (the current instance, or the previous one). */
  logs(name: string, container: string, previous = false): string[] {
    return (containerLogs(this.view, this.pod(name), container, previous) ?? []).map((l) => l.text);
  }
  /** `kubectl exec` in the container; what it wrote is kept. */
  exec(name: string, container: string, argv: string[], now: Instant) {
    const r = execInContainer(this.view, this.pod(name), container, argv, now);
    this.apply(r.runtime);
    return r;
  }
}

/** "running restarts=0", "terminated OOMKilled 137 restarts=1", "waiting CrashLoopBackOff restarts=1". */
export function containerState(p: KubeObject, i = 0): string {
  const s = p.status!.containerStatuses[i];
  const [kind, v] = Object.entries(s.state)[0] as [string, any];
  return `${kind}${v.reason ? ` ${v.reason}` : ""}${v.exitCode !== undefined ? ` ${v.exitCode}` : ""} restarts=${s.restartCount}`;
}

/** "OOMKilled 137" for the last termination, or "" when there is none. */
export function lastState(p: KubeObject, i = 0): string {
  const t = p.status!.containerStatuses[i].lastState?.terminated;
  return t ? `${t.reason} ${t.exitCode}` : "";
}
