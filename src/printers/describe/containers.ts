// Containers of a Pod or a pod template (describeContainers, describeStatus and
// DescribePodTemplate in kubectl's describe.go, v1.32); their volumes are in volumes.ts. A
// template has no statuses, so no Container ID / State / Ready lines.

import { rfc1123z } from "../age";
import { annotationsMultiline, labelsMultiline, tolerationsMultiline, type PrefixWriter } from "./render";
import { extractContainerResourceValue } from "./resource-field";
import { formatQuantity, parseQuantity } from "./quantity";
import { parseQuantity as parseValue } from "../../api/quantity";
import { describeVolumes } from "./volumes";

export { describeVolumes } from "./volumes";

/** Resolves a fieldRef env var for a real pod (EnvValueFrom); templates resolve to "". */
export type EnvResolver = (fieldPath: string) => string;

/** describeContainerPorts / describeContainerHostPorts: `80/TCP` (port names are printed only from kubectl 1.34). */
function ports(list: any[] | undefined, host: boolean): string {
  return (list ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
}

/** DescribeProbe: "http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const hostPort = g.port !== undefined && g.port !== "" ? `${g.host ?? ""}:${g.port}` : (g.host ?? "");
    const path = g.path ? (g.path.startsWith("/") ? g.path : "/" + g.path) : "";
    return `http-get ${String(g.scheme ?? "").toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function state(w: PrefixWriter, title: string, s: any): void {
  if (s?.running) {
    w.line(2, `${title}:\tRunning`);
    w.line(3, `Started:\t${rfc1123z(s.running.startedAt)}`);
  } else if (s?.terminated) {
    const t = s.terminated;
    w.line(2, `${title}:\tTerminated`);
    if (t.reason) w.line(3, `Reason:\t${t.reason}`);
    if (t.message) w.line(3, `Message:\t${t.message}`);
    w.line(3, `Exit Code:\t${t.exitCode ?? 0}`);
    if (t.signal > 0) w.line(3, `Signal:\t${t.signal}`);
    w.line(3, `Started:\t${rfc1123z(t.startedAt)}`);
    w.line(3, `Finished:\t${rfc1123z(t.finishedAt)}`);
  } else {
    w.line(2, `${title}:\tWaiting`);
    if (s?.waiting?.reason) w.line(3, `Reason:\t${s.waiting.reason}`);
  }
}

/** Quantity.String(): the canonical form ("0.5" → "500m", "1024Mi" → "1Gi"), whatever was written. */
function canonical(q: string | number): string {
  const text = String(q);
  return parseValue(text) === undefined ? text : formatQuantity(parseQuantity(text));
}

/** describeResources: Limits then Requests, each resource by name, at `level` (2 in a container). */
export function describeResources(w: PrefixWriter, r: any, level = 2): void {
  for (const [title, list] of [["Limits", r?.limits], ["Requests", r?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.line(level, `${title}:`);
    for (const n of names) w.line(level + 1, `${n}:\t${canonical(list[n])}`);
  }
}

function env(w: PrefixWriter, c: any, resolve: EnvResolver | undefined): void {
  if ((c.envFrom ?? []).length > 0) {
    w.line(2, "Environment Variables from:");
    for (const e of c.envFrom) {
      const ref = e.configMapRef ?? e.secretRef ?? {};
      const from = e.configMapRef ? "ConfigMap" : "Secret";
      const prefix = e.prefix ? ` with prefix '${e.prefix}'` : "";
      w.line(3, `${ref.name ?? ""}\t${from}${prefix}\tOptional: ${ref.optional === true}`);
    }
  }
  const vars: any[] = c.env ?? [];
  w.line(2, vars.length === 0 ? "Environment:\t<none>" : "Environment:");
  for (const e of vars) {
    const from = e.valueFrom;
    if (!from) {
      String(e.value ?? "")
        .split("\n")
        .forEach((s, i) => w.line(3, i === 0 ? `${e.name}:\t${s}` : `\t${s}`));
    } else if (from.fieldRef) {
      const value = resolve ? resolve(from.fieldRef.fieldPath) : "";
      w.line(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? "v1"}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      const res: string = from.resourceFieldRef.resource;
      let value = extractContainerResourceValue(from.resourceFieldRef, c.resources);
      if (value === "0" && (res === "limits.cpu" || res === "limits.memory")) value = "node allocatable";
      w.line(3, `${e.name}:\t${value} (${res})`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.line(3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.line(3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}`);
    }
  }
}

function mounts(w: PrefixWriter, c: any): void {
  const list: any[] = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.line(2, list.length === 0 ? "Mounts:\t<none>" : "Mounts:");
  for (const m of list) {
    const flags = [m.readOnly ? "ro" : "rw", ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.line(3, `${m.mountPath} from ${m.name} (${flags.join(",")})`);
  }
}

/** describeContainers: `space` is "" for a Pod and "  " inside a pod template. */
export function describeContainers(w: PrefixWriter, label: string, containers: any[] | undefined, statuses: any[] | undefined, space: string, resolve?: EnvResolver): void {
  const list = containers ?? [];
  w.write(0, `${space}${label}:${list.length === 0 ? " <none>" : ""}\n`);
  const byName = new Map((statuses ?? []).map((s: any) => [s.name, s]));
  for (const c of list) {
    const st = byName.get(c.name);
    w.line(1, `${space ? " " : ""}${c.name}:`);
    if (st) w.line(2, `Container ID:\t${st.containerID ?? ""}`);
    w.line(2, `Image:\t${c.image ?? ""}`);
    if (st) w.line(2, `Image ID:\t${st.imageID ?? ""}`);
    const p = ports(c.ports, false);
    w.line(2, p.includes(",") ? `Ports:\t${p}` : `Port:\t${p || "<none>"}`);
    const h = ports(c.ports, true);
    w.line(2, h.includes(",") ? `Host Ports:\t${h}` : `Host Port:\t${h || "<none>"}`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.line(2, `SeccompProfile:\t${seccomp.type}`);
      if (seccomp.type === "Localhost") w.line(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}`);
    }
    for (const [title, items] of [["Command", c.command], ["Args", c.args]] as const) {
      if (!items?.length) continue;
      w.line(2, `${title}:`);
      for (const item of items) for (const s of String(item).split("\n")) w.line(3, s);
    }
    if (st) {
      state(w, "State", st.state);
      if (st.lastState?.terminated) state(w, "Last State", st.lastState);
      w.line(2, `Ready:\t${st.ready ? "True" : "False"}`);
      w.line(2, `Restart Count:\t${st.restartCount ?? 0}`);
    }
    describeResources(w, c.resources);
    if (c.livenessProbe) w.line(2, `Liveness:\t${describeProbe(c.livenessProbe)}`);
    if (c.readinessProbe) w.line(2, `Readiness:\t${describeProbe(c.readinessProbe)}`);
    if (c.startupProbe) w.line(2, `Startup:\t${describeProbe(c.startupProbe)}`);
    env(w, c, resolve);
    mounts(w, c);
  }
}

/** DescribePodTemplate: shared by Deployment, ReplicaSet, ReplicationController, … */
export function describePodTemplate(w: PrefixWriter, template: any): void {
  w.line(0, "Pod Template:");
  if (!template) return w.line(1, "<unset>");
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  labelsMultiline(w, "Labels", meta.labels, "  ");
  if (Object.keys(meta.annotations ?? {}).length > 0) annotationsMultiline(w, "Annotations", meta.annotations, "  ");
  if (spec.serviceAccountName) w.line(1, `Service Account:\t${spec.serviceAccountName}`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, "Init Containers", spec.initContainers, undefined, "  ");
  describeContainers(w, "Containers", spec.containers, undefined, "  ");
  describeVolumes(w, spec.volumes, "  ");
  if (spec.priorityClassName) w.line(1, `Priority Class Name:\t${spec.priorityClassName}`);
  labelsMultiline(w, "Node-Selectors", spec.nodeSelector, "  ");
  tolerationsMultiline(w, "Tolerations", spec.tolerations, "  ");
}
