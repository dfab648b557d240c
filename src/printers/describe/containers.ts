// Containers and volumes of a Pod or a pod template (describeContainers, describeVolumes,
// DescribePodTemplate in kubectl's describe.go). A template has no statuses, so no
// Container ID / State / Ready lines.

import { rfc1123z } from "../age";
import { annotationsMultiline, labelsMultiline, tolerationsMultiline, type PrefixWriter } from "./render";

/** Resolves a fieldRef env var for a real pod (EnvValueFrom); templates resolve to "". */
export type EnvResolver = (fieldPath: string) => string;

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

function resources(w: PrefixWriter, r: any): void {
  for (const [title, list] of [["Limits", r?.limits], ["Requests", r?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.line(2, `${title}:`);
    for (const n of names) w.line(3, `${n}:\t${list[n]}`);
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
      const [kind, name] = res.split(".");
      let value: string = c.resources?.[kind]?.[name] ?? "0";
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
    resources(w, c.resources);
    if (c.livenessProbe) w.line(2, `Liveness:\t${describeProbe(c.livenessProbe)}`);
    if (c.readinessProbe) w.line(2, `Readiness:\t${describeProbe(c.readinessProbe)}`);
    if (c.startupProbe) w.line(2, `Startup:\t${describeProbe(c.startupProbe)}`);
    env(w, c, resolve);
    mounts(w, c);
  }
}

const optionalPtr = (v: unknown): string => (v === undefined || v === null ? "<nil>" : String(v));

/** describeVolumes: one level-1 entry per volume with its source's details. */
export function describeVolumes(w: PrefixWriter, volumes: any[] | undefined, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) return w.line(0, `${space}Volumes:\t<none>`);
  w.line(0, `${space}Volumes:`);
  for (const v of list) {
    w.line(1, `${space ? " " : ""}${v.name}:`);
    if (v.hostPath) {
      w.line(2, "Type:\tHostPath (bare host directory volume)");
      w.line(2, `Path:\t${v.hostPath.path}`);
      w.line(2, `HostPathType:\t${v.hostPath.type ?? "<none>"}`);
    } else if (v.emptyDir) {
      w.line(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
      w.line(2, `Medium:\t${v.emptyDir.medium ?? ""}`);
      w.line(2, `SizeLimit:\t${v.emptyDir.sizeLimit && v.emptyDir.sizeLimit !== "0" ? v.emptyDir.sizeLimit : "<unset>"}`);
    } else if (v.secret) {
      w.line(2, "Type:\tSecret (a volume populated by a Secret)");
      w.line(2, `SecretName:\t${v.secret.secretName ?? ""}`);
      w.line(2, `Optional:\t${v.secret.optional === true}`);
    } else if (v.configMap) {
      w.line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
      w.line(2, `Name:\t${v.configMap.name ?? ""}`);
      w.line(2, `Optional:\t${v.configMap.optional === true}`);
    } else if (v.persistentVolumeClaim) {
      w.line(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
      w.line(2, `ClaimName:\t${v.persistentVolumeClaim.claimName}`);
      w.line(2, `ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}`);
    } else if (v.projected) {
      w.line(2, "Type:\tProjected (a volume that contains injected data from multiple sources)");
      for (const s of v.projected.sources ?? []) {
        if (s.secret) {
          w.line(2, `SecretName:\t${s.secret.name}`);
          w.line(2, `SecretOptionalName:\t${optionalPtr(s.secret.optional)}`);
        } else if (s.downwardAPI) w.line(2, "DownwardAPI:\ttrue");
        else if (s.configMap) {
          w.line(2, `ConfigMapName:\t${s.configMap.name}`);
          w.line(2, `ConfigMapOptional:\t${optionalPtr(s.configMap.optional)}`);
        } else if (s.serviceAccountToken) w.line(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}`);
      }
    } else if (v.downwardAPI) {
      w.line(2, "Type:\tDownwardAPI (a volume populated by information about the pod)");
      w.line(2, "Items:");
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.line(3, `${item.fieldRef.fieldPath} -> ${item.path}`);
        if (item.resourceFieldRef) w.line(3, `${item.resourceFieldRef.resource} -> ${item.path}`);
      }
    } else w.line(1, "<unknown>");
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
