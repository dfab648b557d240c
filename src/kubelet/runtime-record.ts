// The kubelet's private state, kept in the state file beside the objects (view.runtime):
// one record per pod uid (its sandbox and where each container is in its life) and one per
// node (`node:<name>`: the images it holds, its pull queue, the pods it runs).

import { prefixedKey } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { BackOffEntry } from "./image-pull-backoff";
import type { ContainerFsData, VolumeStore } from "../runtime/fs";
import type { ProcessState } from "../runtime/shell/process";
import type { ProbeWorkers } from "./probes/types";

export interface PullRecord {
  /** When the kubelet asked for the image (the Pulling event). */
  readonly requestedAt: number;
  /** When the pull itself began (after waiting for the node's serialized puller). */
  readonly startedAt: number;
  readonly doneAt: number;
  /** The registry's error: the pull fails at doneAt with this message (ErrImagePull). */
  readonly error?: string;
}

/**
 * The image-pull back-off of a container's image (upstream keys it by pod uid and image; one
 * entry per container is the same unless two containers share an image), with the error of
 * the last failed pull, which the 1.32 kubelet quotes in the ImagePullBackOff message.
 */
export interface PullBackOffRecord extends BackOffEntry {
  readonly image: string;
  readonly error: string;
}

export interface ContainerRecord {
  readonly name: string;
  readonly pull?: PullRecord;
  readonly pullBackOff?: PullBackOffRecord;
  /** The image is on the node and the container may be created. */
  readonly imageReady?: boolean;
  /** A reason the container cannot start (ErrImagePull, ImagePullBackOff, ErrImageNeverPull …) and its message. */
  readonly waiting?: { readonly reason: string; readonly message: string };
  readonly containerID?: string;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** What the current instance printed (kubectl logs), oldest first; capped by the kubelet. */
  readonly logs?: readonly LogLine[];
  /** The previous instance's lines (kubectl logs --previous). */
  readonly previousLogs?: readonly LogLine[];
  /** Graceful stop: when SIGTERM was sent, and when the process will be gone. */
  readonly stopRequestedAt?: number;
  readonly exitsAt?: number;
  /** A probe kill (probes/kill.ts): the status the process exits with at exitsAt. */
  readonly stopExitCode?: number;
  readonly exitCode?: number;
  readonly reason?: string;
  /** The container's filesystem (image + /etc files, writable layer, mounts into the pod's volumes). */
  readonly fs?: ContainerFsData;
  /** The resolved environment the process started with (exec uses it too). */
  readonly env?: Readonly<Record<string, string>>;
  /** A shell process's resumable state; absent for an image model (which serves or exits). */
  readonly process?: ProcessState;
  /** Ports an image model listens on (the pod shares one network namespace). */
  readonly ports?: readonly number[];
  /** Times the container was re-created. */
  readonly restartCount?: number;
  /** The previous instance's termination (status.lastState.terminated). */
  readonly lastTerminated?: TerminatedRecord;
  /** The crash-loop back-off (kubelet's backOff, keyed per container). */
  readonly crashBackOff?: BackOffEntry;
  /** This instance's probe workers (probes/manager.ts): next tick, result run, results-manager value. */
  readonly probes?: ProbeWorkers;
}

export interface TerminatedRecord {
  readonly containerID?: string;
  readonly exitCode: number;
  readonly reason: string;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** One line a container printed: when (simulated ms), on which stream, and the text (no newline). */
export interface LogLine {
  readonly at: number;
  readonly stream: "stdout" | "stderr";
  readonly text: string;
}

export interface PodRecord {
  /** The pod sandbox: its IP, when the kubelet began creating it, and when it is up. */
  readonly sandbox: { readonly ip: string; readonly createdAt: number; readonly readyAt?: number };
  readonly containers: readonly ContainerRecord[];
  /** The pod's projected volumes (emptyDir blobs shared by its containers), set up once. */
  readonly volumes?: VolumeStore;
  /** A ConfigMap/Secret/label change seen, to be remounted at this periodic sync (volume-refresh.ts). */
  readonly volumeRemountAt?: number;
  /** The last FailedMount message, so a repeated failure is reported once. */
  readonly mountError?: string;
  /** Simulated resource use per container name (`sim load`); outlives container restarts. */
  readonly usage?: Readonly<Record<string, ContainerUsage>>;
}

/** What `sim load` says a container uses: cpu in millicores, memory in bytes, and since when. */
export interface ContainerUsage {
  readonly cpuMilli?: number;
  readonly memoryBytes?: number;
  readonly since: number;
}

export interface NodeRecord {
  /** Image reference → the instant it is (or will be, while pulling) on the node. */
  readonly images: Readonly<Record<string, number>>;
  /** The serialized puller is busy until then. */
  readonly pullFreeAt: number;
  /** Pod uid → pod key, for the pods this kubelet keeps records of. */
  readonly pods: Readonly<Record<string, string>>;
}

export const EMPTY_NODE_RECORD: NodeRecord = Object.freeze({ images: {}, pullFreeAt: 0, pods: {} });

export const nodeRecordId = (nodeName: string): string => prefixedKey("node:", nodeName);

export function readPodRecord(view: ClusterView, uid: string): PodRecord | undefined {
  return view.runtime(uid) as PodRecord | undefined;
}

export function readNodeRecord(view: ClusterView, nodeName: string): NodeRecord {
  return (view.runtime(nodeRecordId(nodeName)) as NodeRecord | undefined) ?? EMPTY_NODE_RECORD;
}
