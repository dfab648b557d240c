// One kubelet sync of one pod, in upstream's phases (pkg/kubelet/kubelet.go SyncPod /
// SyncTerminatingPod, kuberuntime_manager.go SyncPod): a terminating pod is killed and its
// deletion confirmed; a live one gets a sandbox (pod IP), then its containers are started in
// order. The status is recomputed from the runtime record and written when it changed.
// Later phases (admission, volumes, init containers, restarts, probes) slot in between.

import { withEntry, withoutKeys } from "../api/dictionary";
import type { KubeObject } from "../api/types";
import { refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import { deepEqual } from "../api/deep-equal";
import type { EventNote, Outcome, RuntimeWrite, Write } from "../controllers/types";
import { NOTHING } from "../controllers/types";
import type { Instant } from "../sim/time";
import { duration } from "../sim/time";
import type { Rng } from "../sim/random";
import type { NodeRecord, PodRecord } from "./runtime-record";
import { nodeRecordId, readNodeRecord, readPodRecord } from "./runtime-record";
import type { ContainerEvent } from "./containers";
import { startContainers } from "./containers";
import type { PodRuntime } from "./container-process";
import { persistentVolumeWrites, refreshPersistentVolumes, setUpPodVolumes } from "./pod-volumes";
import { nextPeriodicSync, remountedVolumes } from "./volume-refresh";
import { killContainers } from "./termination";
import type { PreStopRunner } from "./termination";
import { runHook } from "./lifecycle-hooks";
import type { HookedSpec } from "./lifecycle-hooks";
import { allocatePodIP, hostIPOf, podCIDROf } from "./pod-ips";
import { generatePodStatus } from "./pod-status";
import { runProbes } from "./probes/manager";
import { isSidecar, runInitContainers } from "./init-containers";
import { writableCopy } from "./volume-mounts";
import type { InitContainerSpec } from "./init-containers";
import type { ContainerSpec } from "./container-process";
import { deepCopy } from "../api/deep-copy";

export const KUBELET = "kubelet";

/**
 * How long the runtime takes to set up a pod's sandbox (pause container, network) before
 * its containers can be pulled and started: long enough that a new pod is seen in
 * ContainerCreating even when its image is already on the node.
 */
export const SANDBOX_CREATION_MS = 1000;

export function syncPod(view: ClusterView, pod: KubeObject, node: KubeObject, now: Instant, rng: Rng): Outcome {
  if (pod.metadata.deletionTimestamp) return syncTerminatingPod(view, pod, node, now);
  if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return NOTHING;
  const nodeName = node.metadata.name ?? "";
  const uid = pod.metadata.uid ?? "";
  let nodeRec = readNodeRecord(view, nodeName);
  let record = readPodRecord(view, uid);
  if (!record) {
    const ip = createSandbox(view, node);
    if (!ip) return NOTHING; // the pod CIDR is exhausted; upstream retries the sandbox forever
    record = { sandbox: { ip, createdAt: now, readyAt: now + SANDBOX_CREATION_MS }, containers: [] };
    nodeRec = { ...nodeRec, pods: withEntry(nodeRec.pods, uid, `Pod/${pod.metadata.namespace}/${pod.metadata.name}`) };
  }
  if (record.sandbox.readyAt !== undefined && now < record.sandbox.readyAt) {
    const status = generatePodStatus(pod, { record, hostIP: hostIPOf(node), sandboxPending: true }, now);
    return {
      writes: statusWrites(pod, status),
      events: [],
      runtime: runtimeWrites(view, uid, record, nodeName, nodeRec),
      requeueAfter: duration(record.sandbox.readyAt - now),
    };
  }
  if (record.volumes === undefined) {
    const setUp = setUpPodVolumes(view, pod, node);
    if (!setUp.ok) {
      // Retried when a ConfigMap or Secret of the namespace changes; reported once per message.
      const failed: PodRecord = { ...record, mountError: setUp.message };
      const status = generatePodStatus(pod, { record: failed, hostIP: hostIPOf(node) }, now);
      const events: EventNote[] =
        record.mountError === setUp.message ? [] : [{ regarding: pod, type: "Warning", reason: "FailedMount", message: setUp.message, source: KUBELET, host: nodeName }];
      const retry = setUp.retryAfter !== undefined ? { requeueAfter: duration(setUp.retryAfter) } : {};
      return { writes: statusWrites(pod, status), events, runtime: runtimeWrites(view, uid, failed, nodeName, nodeRec), ...retry };
    }
    const { mountError: _m, ...rest } = record;
    record = { ...rest, volumes: setUp.volumes };
  } else {
    record = remountVolumes(view, pod, node, record, now);
  }
  // The containers write into the pod's volumes: work on a copy, stored back below.
  const volumes = refreshPersistentVolumes(view, pod, writableCopy(pod.spec?.volumes ?? [], record.volumes ?? {}));
  const rt: PodRuntime = { view, pod, node, podIP: record.sandbox.ip, hostIP: hostIPOf(node) ?? "", volumes };
  const started = runPodContainers(rt, record.containers, nodeRec, now, rng);
  // The running containers' probes, up to now (probes/manager.ts); they may ask for a kill.
  const probed = runProbes(rt, started.probed, started.containers, now);
  const nextRecord: PodRecord = { ...record, volumes, containers: probed.containers };
  const status = generatePodStatus(pod, { record: nextRecord, hostIP: hostIPOf(node) }, now);
  const wakeAt = earliest(earliest(started.wakeAt, probed.wakeAt), record.volumeRemountAt);
  return {
    writes: statusWrites(pod, status),
    events: [...started.events, ...probed.events].map((e) => containerEvent(pod, nodeName, e)),
    // PVC-backed volumes keep their data beside the volume, not the pod (pod-volumes.ts).
    runtime: [...runtimeWrites(view, uid, nextRecord, nodeName, started.node), ...persistentVolumeWrites(view, pod, nextRecord.volumes)],
    ...(wakeAt !== undefined && { requeueAfter: duration(wakeAt - now) }),
  };
}

/**
 * The init containers first (init-containers.ts); once the pod is initialized, its sidecars and
 * app containers. `probed` are the specs whose probes run: the running sidecars and app containers.
 */
function runPodContainers(rt: PodRuntime, records: PodRecord["containers"], nodeRec: NodeRecord, now: Instant, rng: Rng) {
  const inits = (rt.pod.spec?.initContainers ?? []) as InitContainerSpec[];
  const apps = (rt.pod.spec?.containers ?? []) as ContainerSpec[];
  const sidecars = inits.filter(isSidecar);
  const init = runInitContainers(rt, inits, apps.map((c) => c.name), records, nodeRec, now, rng);
  if (!init.initialized) return { ...init, probed: sidecars };
  const started = startContainers(rt, [...sidecars, ...apps], init.containers, init.node, now, rng);
  const wakeAt = [init.wakeAt, started.wakeAt].filter((t) => t !== undefined).sort((a, b) => a - b)[0];
  return { ...started, events: [...init.events, ...started.events], ...(wakeAt !== undefined && { wakeAt }), probed: [...sidecars, ...apps] };
}

/**
 * A ConfigMap/Secret/label change reaches the volumes at the pod's next periodic sync
 * (volume-refresh.ts); until then the record remembers when, and the pod is requeued for it.
 */
function remountVolumes(view: ClusterView, pod: KubeObject, node: KubeObject, record: PodRecord, now: Instant): PodRecord {
  const { volumeRemountAt, ...rest } = record;
  const fresh = remountedVolumes(view, pod, node, record.volumes ?? {});
  if (!fresh) return rest;
  const at = volumeRemountAt ?? nextPeriodicSync(record.sandbox.createdAt, now);
  return now >= at ? { ...rest, volumes: fresh } : { ...rest, volumeRemountAt: at };
}

/**
 * Stop the containers (SIGTERM, then SIGKILL at the end of the grace period); once all are
 * gone, write the terminal status, confirm the deletion and forget the pod.
 */
function syncTerminatingPod(view: ClusterView, pod: KubeObject, node: KubeObject, now: Instant): Outcome {
  const uid = pod.metadata.uid ?? "";
  const nodeName = node.metadata.name ?? "";
  const record = readPodRecord(view, uid);
  const killed = record ? killContainers(pod, record.containers, now, preStopRunner(view, pod, node, record, now)) : undefined;
  const events = (killed?.events ?? []).map((e) => containerEvent(pod, nodeName, e));
  if (record && killed?.doneAt !== undefined) {
    const nextRecord: PodRecord = { ...record, containers: killed.containers };
    return {
      writes: [],
      events,
      runtime: deepEqual(record, nextRecord) ? [] : [{ podUid: uid, record: nextRecord }],
      requeueAfter: duration(killed.doneAt - now),
    };
  }
  const writes: Write[] = [];
  if (record && killed) {
    const sandboxPending = record.sandbox.readyAt !== undefined && now < record.sandbox.readyAt;
    const status = generatePodStatus(pod, { record: { ...record, containers: killed.containers }, hostIP: hostIPOf(node), podIsTerminal: true, sandboxPending }, now);
    writes.push(...statusWrites(pod, status));
  }
  writes.push({ op: "delete", ref: refOf(pod), gracePeriodSeconds: 0, force: true, uid });
  const nodeRec = readNodeRecord(view, nodeName);
  const pods = withoutKeys(nodeRec.pods, (u) => u === uid);
  const runtime: RuntimeWrite[] = [];
  if (record) runtime.push({ podUid: uid, record: undefined });
  if (nodeRec.pods[uid] !== undefined) runtime.push({ podUid: nodeRecordId(nodeName), record: { ...nodeRec, pods } });
  return { writes, events, runtime };
}

/** The preStop hooks of a terminating pod's containers, run in their filesystem and network. */
function preStopRunner(view: ClusterView, pod: KubeObject, node: KubeObject, record: PodRecord, now: Instant): PreStopRunner {
  const rt: PodRuntime = { view, pod, node, podIP: record.sandbox.ip, hostIP: hostIPOf(node) ?? "", volumes: deepCopy(record.volumes ?? {}) };
  return (rec, budgetMs) => {
    const spec = ((pod.spec?.containers ?? []) as HookedSpec[]).find((c) => c.name === rec.name);
    const hook = spec?.lifecycle?.preStop;
    return spec && hook ? runHook(rt, spec, rec, record.containers, hook, now, budgetMs) : undefined;
  };
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** The sandbox's address: the lowest free one in the node's pod CIDR. */
function createSandbox(view: ClusterView, node: KubeObject): string | undefined {
  const taken = new Set<string>();
  for (const p of view.podsOnNode(node.metadata.name ?? "")) {
    const ip = readPodRecord(view, p.metadata.uid ?? "")?.sandbox.ip ?? p.status?.podIP;
    if (ip) taken.add(ip);
  }
  return allocatePodIP(podCIDROf(node), taken);
}

function statusWrites(pod: KubeObject, status: Record<string, unknown>): Write[] {
  if (deepEqual(pod.status, status)) return [];
  return [{ op: "updateStatus", object: { ...pod, status } }];
}

function runtimeWrites(view: ClusterView, uid: string, record: PodRecord, nodeName: string, nodeRec: NodeRecord): RuntimeWrite[] {
  const out: RuntimeWrite[] = [];
  if (!deepEqual(view.runtime(uid), record)) out.push({ podUid: uid, record });
  if (!deepEqual(readNodeRecord(view, nodeName), nodeRec)) out.push({ podUid: nodeRecordId(nodeName), record: nodeRec });
  return out;
}

function containerEvent(pod: KubeObject, nodeName: string, e: ContainerEvent): EventNote {
  const isInit = ((pod.spec?.initContainers ?? []) as { name: string }[]).some((c) => c.name === e.container);
  const fieldPath = `spec.${isInit ? "initContainers" : "containers"}{${e.container}}`;
  return { regarding: pod, type: e.type, reason: e.reason, message: e.message, source: KUBELET, host: nodeName, fieldPath };
}
