// Defaults for a pod spec wherever it appears (a Pod or a workload's template), ported from
// pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Container, ..._ContainerPort,
// ..._Probe, ..._HTTPGetAction, ..._Volume and the volume sources' defaultMode.

type Obj = Record<string, any>;

export const DefaultTerminationGracePeriodSeconds = 30;
/** 0644: the mode upstream gives configMap, secret, downwardAPI and projected volumes. */
export const DefaultVolumeMode = 420;

/**
 * The tag of an image reference as docker's ParseImageName sees it: "latest" when neither tag
 * nor digest is given, "" when only a digest is.
 */
export function imageTag(image: string): string {
  const at = image.indexOf("@");
  const name = at < 0 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) return name.slice(colon + 1);
  return at < 0 ? "latest" : "";
}

function setDefaultsProbe(probe: Obj | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ||= "/";
    probe.httpGet.scheme ||= "HTTP";
  }
}

function setDefaultsContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(String(c.image ?? "")) === "latest" ? "Always" : "IfNotPresent";
  c.terminationMessagePath ||= "/dev/termination-log";
  c.terminationMessagePolicy ||= "File";
  // Resources is a struct in Go, not a pointer, so it always serializes, as {} when empty.
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= "TCP";
  setDefaultsProbe(c.livenessProbe);
  setDefaultsProbe(c.readinessProbe);
  setDefaultsProbe(c.startupProbe);
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ||= "v1";
}

/** Volume fields that are not a source. */
const VOLUME_META = new Set(["name"]);

function setDefaultsVolume(v: Obj): void {
  if (Object.keys(v).every((k) => VOLUME_META.has(k))) v.emptyDir = {};
  for (const source of ["configMap", "secret", "downwardAPI", "projected"]) {
    if (v[source]) v[source].defaultMode ??= DefaultVolumeMode;
  }
  for (const item of v.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= "v1";
}

/** Defaults every pod spec gets, in a Pod or in a template. */
export function setDefaultsPodSpec(spec: Obj): void {
  spec.dnsPolicy ||= "ClusterFirst";
  spec.restartPolicy ||= "Always";
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= DefaultTerminationGracePeriodSeconds;
  spec.schedulerName ||= "default-scheduler";
  for (const c of spec.containers ?? []) setDefaultsContainer(c);
  for (const c of spec.initContainers ?? []) setDefaultsContainer(c);
  for (const v of spec.volumes ?? []) setDefaultsVolume(v);
  if (spec.hostNetwork) {
    // defaultHostNetworkPorts: with the host's network, the host port is the container port.
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) p.hostPort ??= p.containerPort;
    }
  }
}

/**
 * A workload's pod template. The API server serializes the template's zero creationTimestamp
 * as null, which `get -o yaml` shows.
 */
export function setDefaultsPodTemplate(template: Obj | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  if (!("creationTimestamp" in template.metadata)) template.metadata.creationTimestamp = null;
  template.spec ??= {};
  setDefaultsPodSpec(template.spec);
}
