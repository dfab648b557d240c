// What runs in a container once it is created: its environment (makeEnvironmentVariables),
// its filesystem (image files, the pod's /etc files, volume mounts), and its process as the
// image and command say (runtime/images imageProcessFor): an image model that serves or exits
// at once, a model that computes (stepped as a timed process), or a shell process stepped
// through simulated time, its output kept as log lines.
// Port in spirit of kuberuntime_container.go startContainer (generateContainerConfig → start).

import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Instant } from "../sim/time";
import { instant } from "../sim/time";
import { expandCommand, makeEnvironmentVariables, serviceEnv } from "../runtime/env";
import { buildContainerFs, containerLayers, emptyTree } from "../runtime/fs";
import type { ContainerFsData, VolumeStore } from "../runtime/fs";
import { catalogImageFor, exitOnStart, imageProcessFor, runOnStart, startupLogs, versionOf } from "../runtime/images/behaviour";
import type { ProcessState } from "../runtime/shell/process";
import { copyProcess, startProcess, startTimedProcess, stepOwnedProcess } from "../runtime/shell/process";
import type { OutputChunk } from "../runtime/shell/process";
import type { FileSystem, Network, ProcessHost } from "../runtime/types";
import type { ContainerRecord, LogLine } from "./runtime-record";
import type { ContainerEvent } from "./containers";
import { viewLookup } from "./pod-volumes";
import { containerMounts } from "./volume-mounts";
import { podImageLayer } from "./pod-image-layer";
import type { VolumeMountSpec } from "./volume-mounts";
import { clusterNetwork } from "../runtime/net";
import { deepCopy } from "../api/deep-copy";
import { dictionary } from "../api/dictionary";

/** Lines kept per container instance (the oldest are dropped), so the state file stays small. */
export const MAX_LOG_LINES = 1000;
/** Steps one sync takes for one process before it comes back (a guard against runaway loops). */
const MAX_STEPS_PER_SYNC = 10_000;

export interface PodRuntime {
  readonly view: ClusterView;
  readonly pod: KubeObject;
  readonly node: KubeObject;
  readonly podIP: string;
  readonly hostIP: string;
  /** The pod's volume blobs; mutated in place by the containers' writes (the caller's copy). */
  readonly volumes: VolumeStore;
}

export type ContainerSpec = {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: any[];
  envFrom?: any[];
  ports?: { containerPort: number }[];
  stdin?: boolean;
  volumeMounts?: VolumeMountSpec[];
};

export type Started =
  | { ok: false; waiting: { reason: string; message: string }; events: ContainerEvent[] }
  | { ok: true; record: ContainerRecord; events: ContainerEvent[]; wakeAt?: number };

export function appendLogs(logs: readonly LogLine[] | undefined, chunks: readonly { stream: "stdout" | "stderr"; text: string; at: number }[]): LogLine[] {
  const out = [...(logs ?? [])];
  for (const c of chunks) {
    const lines = c.text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    for (const text of lines) out.push({ at: c.at, stream: c.stream, text });
  }
  return out.length > MAX_LOG_LINES ? out.slice(out.length - MAX_LOG_LINES) : out;
}

/** The address-in-use line a server prints when its port is taken (the pod shares one network namespace). */
export function addressInUseLines(image: string, port: number): string[] {
  switch (catalogImageFor(image)?.repository) {
    case "nginx":
      return [`nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)`, "nginx: [emerg] still could not bind()"];
    case "httpd":
      return [`(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`, "no listening sockets available, shutting down"];
    case "redis":
      return [`# Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`, "# Failed listening on port " + port + " (tcp), aborting."];
    default:
      return [`listen tcp :${port}: bind: address already in use`];
  }
}

/** The world a process of the pod runs in at `now`: its fs, the cluster network, its hostname. */
export function processHost(view: ClusterView, pod: KubeObject, fs: ContainerFsData, volumes: VolumeStore, now: number): ProcessHost {
  return new PodHost(fs, volumes, clusterNetwork(view, pod, instant(now)), pod.metadata.name ?? "", now);
}

/** Its filesystem is put together when the process first reaches for it: most steps (a `date`, an `echo`) never do. */
class PodHost implements ProcessHost {
  private files: FileSystem | undefined;
  private readonly data: ContainerFsData;
  private readonly volumes: VolumeStore;
  readonly net: Network;
  readonly hostname: string;
  readonly now: number;

  constructor(data: ContainerFsData, volumes: VolumeStore, net: Network, hostname: string, now: number) {
    this.data = data;
    this.volumes = volumes;
    this.net = net;
    this.hostname = hostname;
    this.now = now;
  }

  get fs(): FileSystem {
    return (this.files ??= buildContainerFs(containerLayers(this.data, this.volumes)));
  }
}

function containerFsData(rt: PodRuntime, c: ContainerSpec, env: Readonly<Record<string, string>>): ContainerFsData {
  const pod = rt.pod;
  const etc = {
    hostname: pod.spec?.hostname ?? pod.metadata.name ?? "",
    namespace: pod.metadata.namespace ?? "default",
    podIPs: [rt.podIP],
    ...(pod.spec?.subdomain && { subdomain: pod.spec.subdomain }),
    ...(pod.spec?.hostAliases && { hostAliases: pod.spec.hostAliases }),
  };
  const mounts = containerMounts(c.volumeMounts ?? [], pod.spec?.volumes ?? [], rt.volumes, env);
  return { image: podImageLayer(etc, imageFiles(c.image ?? "")), writable: emptyTree(), mounts };
}

/** The image files the runtime models: busybox's binary, whose version some applets' output follows. */
function imageFiles(image: string): Record<string, string> {
  const repo = catalogImageFor(image)?.repository;
  if (repo !== "busybox" && repo !== "registry.k8s.io/busybox") return {};
  return { "/bin/busybox": `BusyBox v${versionOf(catalogImageFor(image), image) || "1.37.0"} multi-call binary.\n` };
}

/** The Services the pod's containers get variables for: its namespace's and the default one's. */
function visibleServiceEnv(view: ClusterView, pod: KubeObject): Readonly<Record<string, string>> {
  const ns = pod.metadata.namespace ?? "default";
  const services = ns === "default" ? view.list("Service", ns) : [...view.list("Service", "default"), ...view.list("Service", ns)];
  const links = pod.spec?.enableServiceLinks !== false;
  // A wave of pods starting in one namespace sees the very same Services (stored objects are
  // replaced, never changed in place, so the same objects mean the same variables).
  const last = lastServiceEnv;
  if (last && last.ns === ns && last.links === links && sameItems(last.services, services)) return last.env;
  const env = Object.freeze(serviceEnv(services, ns, links));
  lastServiceEnv = { ns, links, services, env };
  return env;
}

let lastServiceEnv: { ns: string; links: boolean; services: readonly KubeObject[]; env: Readonly<Record<string, string>> } | undefined;

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Creates and starts one container at `now`: resolve its env (CreateContainerConfigError when
 * a ConfigMap/Secret/key is missing), build its fs, then run what the image and command say.
 * `takenPorts` are the ports the pod's other running containers listen on.
 */
export function startContainerProcess(rt: PodRuntime, c: ContainerSpec, base: ContainerRecord, takenPorts: ReadonlySet<number>, now: Instant): Started {
  const envResult = makeEnvironmentVariables({
    pod: rt.pod,
    container: c,
    lookup: viewLookup(rt.view),
    addresses: { podIPs: [rt.podIP], hostIPs: rt.hostIP ? [rt.hostIP] : [] },
    allocatable: (rt.node.status?.allocatable ?? {}) as Record<string, string>,
    serviceEnv: visibleServiceEnv(rt.view, rt.pod),
  });
  const events: ContainerEvent[] = envResult.events.map((e) => ({ ...e, container: c.name }));
  if (!envResult.ok) return { ok: false, waiting: { reason: envResult.reason, message: envResult.message }, events };
  const proc = imageProcessFor(c.image ?? "", {
    command: c.command && expandCommand(c.command, envResult.env),
    args: c.args && expandCommand(c.args, envResult.env),
    declaredPorts: (c.ports ?? []).map((p) => p.containerPort),
    stdin: c.stdin === true,
  });
  // Keys set one by one, names from the spec: a dictionary (api/dictionary.ts), not a new shape per set of names.
  const env = dictionary<string>(Object.entries(proc.imageEnv));
  env.HOSTNAME = rt.pod.metadata.name ?? "";
  for (const e of envResult.env) env[e.name] = e.value;
  // runc sets HOME from the user's passwd entry when nothing else did (root: /root).
  env.HOME ??= "/root";
  const fs = containerFsData(rt, c, env);
  const record: ContainerRecord = { ...base, fs, env, startedAt: now, logs: [] };
  if (proc.kind === "model") {
    const ctx = { startedAt: now, hostname: rt.pod.metadata.name ?? "", podIP: rt.podIP, env };
    const exit = exitOnStart(proc, ctx);
    if (exit) return { ok: true, events, record: exited(record, exit.code, lines(exit.logs, now), now) };
    const run = runOnStart(proc);
    if (run) return stepFrom(rt, record, startTimedProcess([...proc.argv], env, run), fs, now, events);
    const conflict = proc.ports.find((p) => takenPorts.has(p));
    if (conflict !== undefined) return { ok: true, events, record: exited(record, 1, lines(addressInUseLines(c.image ?? "", conflict), now, "stderr"), now) };
    return { ok: true, events, record: { ...record, ports: [...proc.ports], logs: lines(startupLogs(proc, ctx), now) } };
  }
  const process = startProcess([...proc.argv], env);
  return stepFrom(rt, record, process, fs, now, events);
}

function lines(texts: readonly string[], at: number, stream: "stdout" | "stderr" = "stdout"): LogLine[] {
  return texts.map((text) => ({ at, stream, text }));
}

function exited(rec: ContainerRecord, code: number, logs: readonly LogLine[], at: number): ContainerRecord {
  return { ...rec, logs: appendLogs(rec.logs, logs), finishedAt: at, exitCode: code, reason: code === 0 ? "Completed" : "Error" };
}

/**
 * Steps a running shell process up to `now`, one wake-up at a time so that an exit is dated
 * at the instant it happened. A process asleep past `now` is returned unchanged.
 */
export function stepContainer(rt: PodRuntime, rec: ContainerRecord, now: Instant): Started {
  if (!rec.process || !rec.fs || rec.finishedAt !== undefined) return { ok: true, record: rec, events: [] };
  const wakeAt = rec.process.wakeAt;
  if (wakeAt !== undefined && wakeAt > now) return { ok: true, record: rec, events: [], wakeAt };
  return stepFrom(rt, rec, copyProcess(rec.process), deepCopy(rec.fs), now, []);
}

/**
 * Steps `process` in the container of `rec`, with `fs` as its filesystem: both this step's own
 * to change (copies of what is stored, or new).
 */
function stepFrom(rt: PodRuntime, rec: ContainerRecord, process: ProcessState, fs: ContainerFsData, now: Instant, events: ContainerEvent[]): Started {
  let state = process;
  const output: OutputChunk[] = [];
  let t = state.wakeAt ?? now;
  for (let i = 0; i < MAX_STEPS_PER_SYNC; i++) {
    const r = stepOwnedProcess(state, processHost(rt.view, rt.pod, fs, rt.volumes, t));
    output.push(...r.output);
    state = r.state;
    if (r.exited) {
      const { process: _done, ...rest } = rec;
      return { ok: true, events, record: exited({ ...rest, fs, logs: appendLogs(rec.logs, output) }, r.exited.code, [], t) };
    }
    if (r.wakeAt === undefined || r.wakeAt > now) break;
    t = instant(r.wakeAt);
  }
  const wakeAt = state.wakeAt ?? now + 1000;
  return { ok: true, events, record: { ...rec, fs, process: state, logs: appendLogs(rec.logs, output) }, wakeAt };
}
