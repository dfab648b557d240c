// What a pod answers on one of its ports: the first running container whose process listens
// there (a second container on the same port crash-loops with address-in-use, so it is never
// running), answered by that process's image model. Containers the shell interpreter runs
// (sh -c ...) do not listen on anything.

import type { KubeObject } from "../../api/types/meta";
import type { ClusterView } from "../../api/store/view";
import type { Instant } from "../../sim/time";
import { parseInstant } from "../../sim/time";
import { httpAnswer, imageProcessFor } from "../images/behaviour";
import type { ModelProcess } from "../images/behaviour";
import { expandCommand, lookupFrom, makeEnvironmentVariables } from "../env";
import { buildContainerFs, containerLayers } from "../fs";
import type { ContainerFsData, VolumeStore } from "../fs";

export interface HttpResponse {
  status: number;
  body: string;
}

interface Listener {
  name: string;
  proc: ModelProcess;
  startedAt: Instant;
  env: Record<string, string>;
}

/** The HTTP answer of `pod` on `port` for `path` at `now`; undefined when nothing answers. */
export function podHttpAnswer(view: ClusterView, pod: KubeObject, port: number, path: string, now: Instant): HttpResponse | undefined {
  if (pod.status?.phase !== "Running") return undefined;
  const listener = listenerOn(view, pod, port);
  if (!listener) return undefined;
  const ctx = {
    startedAt: listener.startedAt,
    // The kubelet sets the UTS hostname to spec.hostname, else the pod name.
    hostname: (pod.spec?.hostname as string | undefined) ?? pod.metadata.name ?? "",
    podIP: pod.status?.podIP as string | undefined,
    env: listener.env,
    readFile: containerFileReader(view, pod, listener.name),
  };
  return httpAnswer(listener.proc, port, path, ctx, now);
}

/**
 * The container's files as the kubelet keeps them in its runtime record (writable layer and
 * volumes over the image), read-only.
 */
function containerFileReader(view: ClusterView, pod: KubeObject, container: string): ((path: string) => string | undefined) | undefined {
  const record = view.runtime(pod.metadata.uid ?? "") as { containers?: { name: string; fs?: ContainerFsData }[]; volumes?: VolumeStore } | undefined;
  const data = record?.containers?.find((c) => c.name === container)?.fs;
  if (!data) return undefined;
  // Only read through: the layers are the record's own objects, never written here.
  const fs = buildContainerFs(containerLayers(data, record?.volumes ?? {}));
  return (path) => fs.read(path);
}

function listenerOn(view: ClusterView, pod: KubeObject, port: number): Listener | undefined {
  const statuses = (pod.status?.containerStatuses ?? []) as any[];
  for (const container of (pod.spec?.containers ?? []) as any[]) {
    const started = statuses.find((s) => s.name === container.name)?.state?.running?.startedAt as string | undefined;
    const startedAt = started === undefined ? undefined : parseInstant(started);
    if (startedAt === undefined) continue;
    const env = containerEnv(view, pod, container);
    const envList = Object.entries(env).map(([name, value]) => ({ name, value }));
    const expand = (argv: readonly string[] | undefined) => (argv ? expandCommand(argv, envList) : undefined);
    const proc = imageProcessFor(String(container.image ?? ""), {
      command: expand(container.command),
      args: expand(container.args),
      declaredPorts: ((container.ports ?? []) as any[]).map((p) => Number(p.containerPort)),
      stdin: container.stdin === true,
    });
    if (proc.kind !== "model" || !proc.ports.includes(port)) continue;
    return { name: String(container.name), proc, startedAt, env: { ...proc.imageEnv, ...env } };
  }
  return undefined;
}

/**
 * The container's environment as the kubelet built it when it started the container; when that
 * can no longer be built (a ConfigMap deleted since), only the literal values are known.
 */
function containerEnv(view: ClusterView, pod: KubeObject, container: any): Record<string, string> {
  const ns = pod.metadata.namespace ?? "default";
  const node = pod.spec?.nodeName ? view.get(`Node//${pod.spec.nodeName}`) : undefined;
  const result = makeEnvironmentVariables({
    pod,
    container,
    lookup: lookupFrom([...view.list("ConfigMap", ns), ...view.list("Secret", ns)]),
    addresses: {
      podIPs: ((pod.status?.podIPs ?? []) as { ip: string }[]).map((a) => a.ip),
      hostIPs: ((pod.status?.hostIPs ?? []) as { ip: string }[]).map((a) => a.ip),
    },
    allocatable: (node?.status?.allocatable ?? {}) as Record<string, string>,
  });
  const out: Record<string, string> = {};
  if (result.ok) for (const v of result.env) out[v.name] = v.value;
  else for (const v of (container.env ?? []) as any[]) if (typeof v.value === "string") out[v.name] = v.value;
  return out;
}
