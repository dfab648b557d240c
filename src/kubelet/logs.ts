// What `kubectl logs` reads: the lines a container printed, kept in the kubelet's runtime
// record (the container runtime's log files, in a real node).

import type { ClusterView } from "../api/store/view";
import type { KubeObject } from "../api/types";
import type { LogLine } from "./runtime-record";
import { readPodRecord } from "./runtime-record";

/**
 * The lines of one container of a pod: the current instance's, or with `previous` the last
 * terminated instance's. undefined when the container never started (or has no previous
 * instance), which kubectl reports as an error.
 */
export function containerLogs(view: ClusterView, pod: KubeObject, container: string, previous = false): readonly LogLine[] | undefined {
  const record = readPodRecord(view, pod.metadata.uid ?? "");
  const c = record?.containers.find((r) => r.name === container);
  if (!c) return undefined;
  if (previous) return c.previousLogs;
  return c.startedAt === undefined ? undefined : (c.logs ?? []);
}
