// Simulated resource use (`kubesim sim load TARGET --cpu X [--memory Y]`), kept per container
// in the pod's runtime record (PodRecord.usage), where the kubelet's OOM check (oom.ts) reads
// memory and `kubectl top` and the HPA read both. It belongs to the pod, not to one container
// instance, so a restarted container takes the same load again.

import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import type { ContainerUsage, PodRecord } from "./runtime-record";
import { readPodRecord } from "./runtime-record";
import { imageProcessFor } from "../runtime/images/behaviour";
import { allocatedMemoryBytes } from "../runtime/images/memory";

/** What to set: undefined leaves that resource as it was. */
export interface LoadSpec {
  readonly cpuMilli?: number;
  readonly memoryBytes?: number;
}

/**
 * Sets the use of `containers` (every container of the pod when empty) from `now`. A pod the
 * kubelet has not set up yet has no record and gets no write: the caller reports it.
 * @example setUsage(view, pod, [], { cpuMilli: 500 }, now) // [{ podUid, record: { …, usage: { app: { cpuMilli: 500, since: now } } } }]
 */
export function setUsage(view: ClusterView, pod: KubeObject, containers: readonly string[], load: LoadSpec, now: Instant): RuntimeWrite[] {
  const uid = pod.metadata.uid ?? "";
  const record = readPodRecord(view, uid);
  if (!record) return [];
  const names = containers.length > 0 ? containers : ((pod.spec?.containers ?? []) as { name: string }[]).map((c) => c.name);
  const usage: Record<string, ContainerUsage> = { ...(record.usage ?? {}) };
  for (const name of names) {
    const old = usage[name];
    usage[name] = {
      ...old,
      ...(load.cpuMilli !== undefined && { cpuMilli: load.cpuMilli }),
      ...(load.memoryBytes !== undefined && { memoryBytes: load.memoryBytes }),
      since: now,
    };
  }
  const next: PodRecord = { ...record, usage };
  return [{ podUid: uid, record: next }];
}

/**
 * A container's simulated use (zero when nothing was set), for `top` and the HPA: the load
 * `sim load` set, and at least the memory its image's program holds (stress --vm-bytes).
 */
export function usageOf(view: ClusterView, pod: KubeObject, container: string): { cpuMilli: number; memoryBytes: number } {
  const u = readPodRecord(view, pod.metadata.uid ?? "")?.usage?.[container];
  const spec = ((pod.spec?.containers ?? []) as { name: string; image?: string; command?: string[]; args?: string[] }[]).find((c) => c.name === container);
  const held = spec ? allocatedMemoryBytes(imageProcessFor(spec.image ?? "", { ...(spec.command && { command: spec.command }), ...(spec.args && { args: spec.args }) })) : 0;
  return { cpuMilli: u?.cpuMilli ?? 0, memoryBytes: Math.max(u?.memoryBytes ?? 0, held) };
}
