// Pod and pod template checks, ported from pkg/apis/core/validation/validation.go:
// ValidatePodSpec (the parts kubesim models), validateContainers, validateContainerPorts,
// ValidatePodTemplateSpec and ValidatePodUpdate. Messages are upstream's.

import type { FieldIssue } from "../issues";
import { duplicate, forbiddenField, invalidValue, required } from "../issues";
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from "../dns";
import { validateAnnotations, validateLabels } from "../labels";
import { semanticEqual, validateEnum, type Obj } from "./common";
import { validateResourceRequirements } from "./resources";
import { deepCopy } from "../../deep-copy";

const supportedPortProtocols = ["SCTP", "TCP", "UDP"];
const MaxInt32 = 2147483647;

export function validateDNS1123Label(value: string, path: string): FieldIssue[] {
  return isDNS1123Label(value).map((msg) => invalidValue(path, value, msg));
}


export function validateContainerPorts(ports: Obj[] | undefined, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const allNames = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const idx = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) issues.push(...msgs.map((m) => invalidValue(`${idx}.name`, port.name, m)));
      else if (allNames.has(port.name)) issues.push(duplicate(`${idx}.name`, port.name));
      else allNames.add(port.name);
    }
    if (!port.containerPort) issues.push(required(`${idx}.containerPort`, ""));
    else issues.push(...isValidPortNum(port.containerPort).map((m) => invalidValue(`${idx}.containerPort`, port.containerPort, m)));
    if (port.hostPort) issues.push(...isValidPortNum(port.hostPort).map((m) => invalidValue(`${idx}.hostPort`, port.hostPort, m)));
    issues.push(...validateEnum(port.protocol, supportedPortProtocols, `${idx}.protocol`));
  });
  return issues;
}

/** validateContainerCommon, for the fields kubesim models. */
function validateContainerCommon(c: Obj, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!c.name) issues.push(required(`${path}.name`, ""));
  else issues.push(...validateDNS1123Label(c.name, `${path}.name`));
  if (!c.image) issues.push(required(`${path}.image`, ""));
  issues.push(...validateEnum(c.terminationMessagePolicy, ["File", "FallbackToLogsOnError"], `${path}.terminationMessagePolicy`));
  issues.push(...validateContainerPorts(c.ports, `${path}.ports`));
  issues.push(...validateEnum(c.imagePullPolicy, ["Always", "IfNotPresent", "Never"], `${path}.imagePullPolicy`));
  issues.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return issues;
}

function validateContainers(containers: Obj[] | undefined, path: string): FieldIssue[] {
  if (!containers || containers.length === 0) return [required(path, "")];
  const issues: FieldIssue[] = [];
  const allNames = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    issues.push(...validateContainerCommon(c, p));
    if (allNames.has(c.name)) issues.push(duplicate(`${p}.name`, c.name));
    else allNames.add(c.name);
    if (c.restartPolicy !== undefined) issues.push(forbiddenField(`${p}.restartPolicy`, "may not be set for non-init containers"));
  });
  return issues;
}

function validateInitContainers(inits: Obj[] | undefined, containers: Obj[] | undefined, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const allNames = new Set<string>((containers ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    issues.push(...validateContainerCommon(c, p));
    if (allNames.has(c.name)) issues.push(duplicate(`${p}.name`, c.name));
    else allNames.add(c.name);
  });
  return issues;
}

/** ValidatePodSpec, for the fields kubesim models, in upstream's order. */
export function validatePodSpec(spec: Obj | undefined, path: string): FieldIssue[] {
  const s: Obj = spec ?? {};
  const issues: FieldIssue[] = [];
  issues.push(...validateContainers(s.containers, `${path}.containers`));
  issues.push(...validateInitContainers(s.initContainers, s.containers, `${path}.initContainers`));
  issues.push(...validateEnum(s.restartPolicy, ["Always", "OnFailure", "Never"], `${path}.restartPolicy`));
  issues.push(...validateEnum(s.dnsPolicy, ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"], `${path}.dnsPolicy`));
  issues.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  if (s.serviceAccountName) {
    issues.push(...isDNS1123Subdomain(s.serviceAccountName).map((m) => invalidValue(`${path}.serviceAccountName`, s.serviceAccountName, m)));
  }
  if (s.nodeName) issues.push(...isDNS1123Subdomain(s.nodeName).map((m) => invalidValue(`${path}.nodeName`, s.nodeName, m)));
  if (typeof s.activeDeadlineSeconds === "number" && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MaxInt32)) {
    issues.push(invalidValue(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, MaxInt32)));
  }
  return issues;
}

/** ValidatePodTemplateSpec: note upstream reports template labels at "<path>.labels". */
export function validatePodTemplateSpec(template: Obj, path: string): FieldIssue[] {
  const meta: Obj = template.metadata ?? {};
  return [
    ...validateLabels(meta.labels, `${path}.labels`),
    ...validateAnnotations(meta.annotations, `${path}.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
}

export function validatePod(pod: Obj): FieldIssue[] {
  return validatePodSpec(pod.spec, "spec");
}

const updatablePodSpecFields = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

/** validateOnlyAddedTolerations: every old toleration must remain, tolerationSeconds aside. */
function validateOnlyAddedTolerations(newTols: Obj[] | undefined, oldTols: Obj[] | undefined, path: string): FieldIssue[] {
  for (const old of oldTols ?? []) {
    const found = (newTols ?? []).some((n) => semanticEqual({ ...old, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [forbiddenField(path, "existing toleration can not be modified except its tolerationSeconds")];
  }
  return [];
}

/** A short stand-in for upstream's cmp.Diff of the two specs: one -/+ pair per changed field. */
function specDiff(oldSpec: Obj, newSpec: Obj): string {
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].sort();
  const lines = ["  core.PodSpec{"];
  for (const k of keys) {
    if (semanticEqual(oldSpec[k], newSpec[k])) continue;
    const goName = k.charAt(0).toUpperCase() + k.slice(1);
    if (oldSpec[k] !== undefined) lines.push(`- \t${goName}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${goName}: ${JSON.stringify(newSpec[k])},`);
  }
  lines.push("  }");
  return lines.join("\n");
}

/** ValidatePodUpdate's spec rules (metadata is checked by the caller). */
export function validatePodUpdate(newPod: Obj, oldPod: Obj): FieldIssue[] {
  const newSpec: Obj = newPod.spec ?? {};
  const oldSpec: Obj = oldPod.spec ?? {};
  const issues: FieldIssue[] = [];
  const path = "spec.activeDeadlineSeconds";
  const nd = newSpec.activeDeadlineSeconds;
  const od = oldSpec.activeDeadlineSeconds;
  if (typeof nd === "number") {
    if (nd < 0 || nd > MaxInt32) return [invalidValue(path, nd, inclusiveRangeError(0, MaxInt32))];
    if (typeof od === "number" && od < nd) return [invalidValue(path, nd, "must be less than or equal to previous value")];
  } else if (typeof od === "number") {
    issues.push(invalidValue(path, null, "must not update from a positive integer to nil value"));
  }
  issues.push(...validateOnlyAddedTolerations(newSpec.tolerations, oldSpec.tolerations, "spec.tolerations"));

  // Copy the allowed changes onto the old spec; anything still different is forbidden.
  const munged: Obj = deepCopy(oldSpec);
  for (const list of ["containers", "initContainers"]) {
    const n: Obj[] = newSpec[list] ?? [];
    const o: Obj[] = munged[list] ?? [];
    if (n.length === o.length) o.forEach((c, i) => (c.image = n[i].image));
  }
  munged.activeDeadlineSeconds = newSpec.activeDeadlineSeconds;
  munged.tolerations = newSpec.tolerations;
  if (typeof oldSpec.terminationGracePeriodSeconds === "number" && oldSpec.terminationGracePeriodSeconds < 0 && newSpec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = 1;
  }
  if (!semanticEqual(munged, newSpec)) {
    issues.push(
      forbiddenField("spec", `pod updates may not change fields other than ${updatablePodSpecFields.join(",")}\n${specDiff(munged, newSpec)}`),
    );
  }
  return issues;
}
