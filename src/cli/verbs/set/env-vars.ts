// The environment-variable half of `kubectl set env`: parsing KEY=VAL / KEY- arguments
// (cmd/set/env/env_parse.go), merging them into a container's env (cmd/set/helper.go
// updateEnv), and the --list lines (set_env.go RunEnv, env/env_resolve.go GetEnvVarRefString).

import type { KubeObject } from "../../../api/types";
import type { ApiServer } from "../../../api/server";
import { UsageError } from "../../../api/errors";
import type { EnvVarLike } from "./pod-template";

export interface EnvChanges {
  readonly env: EnvVarLike[];
  readonly remove: string[];
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_ERROR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** IsEnvironmentArgument: anything with an `=` after at least one character. */
function isEnvironmentArgument(s: string): boolean {
  return /^[\s\S]+=[\s\S]*$/.test(s);
}

/** SplitEnvironmentFromResources: resources first, then KEY=VAL or KEY- arguments. */
export function splitEnvironmentFromResources(args: readonly string[]): { resources: string[]; envArgs: string[] } {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = isEnvironmentArgument(s) || s.endsWith("-");
    if (isEnv) envArgs.push(s);
    else if (envArgs.length > 0) throw new UsageError(`all resources must be specified before environment changes: ${args.join(" ")}`);
    else resources.push(s);
  }
  return { resources, envArgs };
}

/** ParseEnv: `-` reads KEY=VAL lines from stdin (comments after `#` dropped). */
export function parseEnv(spec: readonly string[], readStdin: () => string): EnvChanges {
  const env: EnvVarLike[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const s of spec) {
    if (s === "-") {
      env.push(...readEnv(readStdin()));
    } else if (s.includes("=")) {
      const eq = s.indexOf("=");
      const name = s.slice(0, eq);
      if (!ENV_NAME.test(name)) throw new UsageError(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_ERROR}`);
      set.add(name);
      env.push({ name, value: s.slice(eq + 1) });
    } else if (s.endsWith("-")) {
      remove.push(s.slice(0, -1));
    } else {
      throw new UsageError(`unknown environment variable: ${s}`);
    }
  }
  if (remove.some((r) => set.has(r))) throw new UsageError("can not both modify and remove the same environment variable in the same command");
  return { env, remove };
}

function readEnv(text: string): EnvVarLike[] {
  const out: EnvVarLike[] = [];
  for (let line of text.split("\n")) {
    const hash = line.indexOf("#");
    if (hash >= 0) line = line.slice(0, hash);
    const eq = line.indexOf("=");
    if (eq >= 0) out.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
  }
  return out;
}

/** keyToEnvName: upper case, anything but [a-zA-Z0-9_] becomes `_`. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, "_").toUpperCase();
}

/**
 * --from=configmap/NAME or secret/NAME: one variable per key (sorted: kubectl ranges over a Go
 * map, kubesim keeps a stable order), each a reference to that key.
 */
export function envFrom(source: KubeObject, keys: readonly string[]): EnvVarLike[] {
  const wanted = (k: string) => keys.length === 0 || keys.includes(k);
  const name = source.metadata.name;
  if (source.kind === "Secret") {
    return Object.keys((source.data as Record<string, string> | undefined) ?? {})
      .sort()
      .filter(wanted)
      .map((key) => ({ name: keyToEnvName(key), valueFrom: { secretKeyRef: { name, key } } }));
  }
  if (source.kind === "ConfigMap") {
    return Object.keys((source.data as Record<string, string> | undefined) ?? {})
      .sort()
      .filter(wanted)
      .map((key) => ({ name: keyToEnvName(key), valueFrom: { configMapKeyRef: { name, key } } }));
  }
  throw new UsageError("unsupported resource specified in --from");
}

/** updateEnv: existing variables keep their place (replaced or removed), new ones are appended. */
export function updateEnv(existing: readonly EnvVarLike[], env: readonly EnvVarLike[], remove: readonly string[]): EnvVarLike[] {
  const out: EnvVarLike[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** validateNoOverwrites: a different value for an existing variable needs --overwrite. */
export function overwriteProblem(existing: readonly EnvVarLike[], env: readonly EnvVarLike[]): string | undefined {
  for (const e of env) {
    const current = existing.find((x) => x.name === e.name);
    if (current && (current.value ?? "") !== (e.value ?? "")) {
      return `'${current.name}' already has a value (${current.value ?? ""}), and --overwrite is false`;
    }
  }
  return undefined;
}

/** GetEnvVarRefString: what a reference is printed as in --list. */
export function envVarRefString(from: Record<string, any>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : "";
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return "invalid valueFrom";
}

/** GetEnvVarRefValue for the references kubesim resolves (--resolve): config maps, secrets, object fields. */
export function envVarRefValue(api: ApiServer, namespace: string, from: Record<string, any>, obj: KubeObject): string {
  if (from.secretKeyRef) {
    const { name, key } = from.secretKeyRef;
    const secret = api.get("Secret", namespace, name);
    const data = (secret.data as Record<string, string> | undefined) ?? {};
    if (!Object.hasOwn(data, key)) throw new Error(`key ${key} not found in secret ${name}`);
    return Buffer.from(data[key], "base64").toString("utf8");
  }
  if (from.configMapKeyRef) {
    const { name, key } = from.configMapKeyRef;
    const cm = api.get("ConfigMap", namespace, name);
    const data = (cm.data as Record<string, string> | undefined) ?? {};
    if (!Object.hasOwn(data, key)) throw new Error(`key ${key} not found in config map ${name}`);
    return data[key];
  }
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    if (path === "metadata.name") return obj.metadata.name ?? "";
    if (path === "metadata.namespace") return obj.metadata.namespace ?? "";
    if (path === "metadata.uid") return obj.metadata.uid ?? "";
    throw new Error(`unsupported fieldPath: ${path}`);
  }
  throw new Error("invalid valueFrom");
}
