// A running container opened from outside its process — by `kubectl exec`, `kubectl cp` or an
// interactive shell — the way the CRI's Exec reaches into it: its filesystem over the pod's
// volumes (PVC data read from beside the volume), its environment, its network. What the
// caller changes is handed back by save() as runtime writes for the pod and its PVCs.

import type { ClusterView } from "../api/store/view";
import type { KubeObject } from "../api/types";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import type { ProcessHost } from "../runtime/types";
import { deepEqual } from "../api/deep-equal";
import type { ContainerRecord, PodRecord } from "./runtime-record";
import { readPodRecord } from "./runtime-record";
import { processHost } from "./container-process";
import { persistentVolumeWrites, refreshPersistentVolumes } from "./pod-volumes";
import { deepCopy } from "../api/deep-copy";

export interface OpenedContainer {
  readonly record: PodRecord;
  readonly container: ContainerRecord;
  /** The container's world at `now`; writes land in copies that save() stores. */
  readonly host: ProcessHost;
  /** The runtime writes for what changed since open (none when nothing did). */
  save(): RuntimeWrite[];
}

/** kubectl's text when the container is not running (kubelet: "container not found"). */
export const notRunningError = (container: string): string => `unable to upgrade connection: container not found ("${container}")`;

/** Opens a running container, or gives kubectl's error text when it is not running. */
export function openContainer(view: ClusterView, pod: KubeObject, container: string, now: Instant): OpenedContainer | { error: string } {
  const uid = pod.metadata.uid ?? "";
  const record = readPodRecord(view, uid);
  const rec = record?.containers.find((c) => c.name === container);
  if (!record || !rec || rec.startedAt === undefined || rec.finishedAt !== undefined || !rec.fs) return { error: notRunningError(container) };
  const fs = deepCopy(rec.fs);
  const volumes = refreshPersistentVolumes(view, pod, deepCopy(record.volumes ?? {}));
  return {
    record,
    container: rec,
    host: processHost(view, pod, fs, volumes, now),
    save() {
      const next: PodRecord = { ...record, ...(record.volumes && { volumes }), containers: record.containers.map((c) => (c.name === container ? { ...c, fs } : c)) };
      return deepEqual(record, next) ? [] : [{ podUid: uid, record: next }, ...persistentVolumeWrites(view, pod, next.volumes)];
    },
  };
}
