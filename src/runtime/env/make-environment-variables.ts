// A container's environment as the kubelet builds it before starting the container. Port of
// pkg/kubelet/kubelet_pods.go makeEnvironmentVariables (v1.32): envFrom first (later sources
// override earlier), then env in order, each value expanding $(VAR) over what precedes it.
// Service link variables (enableServiceLinks) are not built here: the caller passes them in
// `serviceEnv` once it has them.

import type { KubeObject } from "../../api/types/meta";
import { decodeSecretData } from "./config-lookup";
import type { ConfigLookup } from "./config-lookup";
import { expand, mappingFuncFor } from "./expansion";
import { podFieldSelectorRuntimeValue } from "./field-ref";
import type { PodAddresses } from "./field-ref";
import { extractResourceValue } from "./resource-field-ref";
import type { NodeAllocatable } from "./resource-field-ref";

export interface EnvVar {
  name: string;
  value: string;
}

/** An event the kubelet records on the pod while building the environment. */
export interface EnvEvent {
  type: "Warning";
  reason: "InvalidEnvironmentVariableNames";
  message: string;
}

/**
 * The environment, or why the container cannot start: the kubelet puts the container in
 * waiting reason CreateContainerConfigError with `message` and records Warning Failed
 * "Error: <message>", then retries on its next sync.
 */
export type EnvResult =
  | { ok: true; env: EnvVar[]; events: EnvEvent[] }
  | { ok: false; reason: "CreateContainerConfigError"; message: string; events: EnvEvent[] };

export interface EnvInput {
  pod: KubeObject;
  /** The container spec (env, envFrom, name). */
  container: { name: string; env?: any[]; envFrom?: any[] };
  lookup: ConfigLookup;
  addresses: PodAddresses;
  /** The node's allocatable, for resourceFieldRef on a limit the container does not set. */
  allocatable: NodeAllocatable;
  /** Service link variables, lowest precedence; omitted until the kubelet builds them. */
  serviceEnv?: Readonly<Record<string, string>>;
}

/**
 * Resolves the container's environment.
 * @example
 * makeEnvironmentVariables({ pod, container: { name: "c", env: [{ name: "A", value: "1" },
 *   { name: "B", value: "$(A)2" }] }, lookup, addresses, allocatable })
 * // → { ok: true, env: [{ name: "A", value: "1" }, { name: "B", value: "12" }], events: [] }
 */
export function makeEnvironmentVariables(input: EnvInput): EnvResult {
  const { pod, container, lookup } = input;
  const ns = pod.metadata.namespace ?? "default";
  const events: EnvEvent[] = [];
  const fail = (message: string): EnvResult => ({ ok: false, reason: "CreateContainerConfigError", message, events });
  const tmpEnv = new Map<string, string>();

  for (const from of container.envFrom ?? []) {
    const isCm = !!from.configMapRef;
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const obj = isCm ? lookup.configMap(ns, ref.name) : lookup.secret(ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return fail(`${isCm ? "configmap" : "secret"} "${ref.name}" not found`);
    }
    const data: Record<string, string> = isCm ? ((obj.data ?? {}) as Record<string, string>) : decodeSecretData(obj);
    const invalidKeys: string[] = [];
    // Go ranges over a map in random order; sorted keys keep runs reproducible.
    for (const key of Object.keys(data).sort()) {
      const name = (from.prefix ?? "") + key;
      if (!isRelaxedEnvVarName(name)) {
        invalidKeys.push(name);
        continue;
      }
      tmpEnv.set(name, data[key]);
    }
    if (invalidKeys.length > 0) {
      events.push({
        type: "Warning",
        reason: "InvalidEnvironmentVariableNames",
        message: `Keys [${invalidKeys.sort().join(", ")}] from the EnvFrom ${isCm ? "configMap" : "secret"} ${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`,
      });
    }
  }

  const serviceEnv = input.serviceEnv ?? {};
  for (const envVar of container.env ?? []) {
    let value: string = envVar.value ?? "";
    if (value !== "") {
      // The mapping reads tmpEnv live, so only variables defined before this one resolve.
      value = expand(value, (name) => (tmpEnv.has(name) ? tmpEnv.get(name)! : mappingFuncFor(serviceEnv)(name)));
    } else if (envVar.valueFrom) {
      const from = envVar.valueFrom;
      if (from.fieldRef) {
        const r = podFieldSelectorRuntimeValue(pod, from.fieldRef.fieldPath, input.addresses);
        if ("error" in r) return fail(r.error);
        value = r.value;
      } else if (from.resourceFieldRef) {
        const r = extractResourceValue(pod, from.resourceFieldRef, container.name, input.allocatable);
        if ("error" in r) return fail(r.error);
        value = r.value;
      } else if (from.configMapKeyRef || from.secretKeyRef) {
        const isCm = !!from.configMapKeyRef;
        const ref = from.configMapKeyRef ?? from.secretKeyRef;
        const obj = isCm ? lookup.configMap(ns, ref.name) : lookup.secret(ns, ref.name);
        if (!obj) {
          if (ref.optional) continue;
          return fail(`${isCm ? "configmap" : "secret"} "${ref.name}" not found`);
        }
        const data: Record<string, string> = isCm ? ((obj.data ?? {}) as Record<string, string>) : decodeSecretData(obj);
        if (!Object.hasOwn(data, ref.key)) {
          if (ref.optional) continue;
          return fail(`couldn't find key ${ref.key} in ${isCm ? "ConfigMap" : "Secret"} ${ns}/${ref.name}`);
        }
        value = data[ref.key];
      }
    }
    tmpEnv.set(envVar.name, value);
  }

  const env: EnvVar[] = [...tmpEnv].map(([name, value]) => ({ name, value }));
  for (const [name, value] of Object.entries(serviceEnv)) if (!tmpEnv.has(name)) env.push({ name, value });
  return { ok: true, env, events };
}

/**
 * validation.IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on in 1.32): any
 * non-empty run of printable ASCII except "=".
 */
export function isRelaxedEnvVarName(name: string): boolean {
  return name.length > 0 && /^[ -<>-~]+$/.test(name);
}
