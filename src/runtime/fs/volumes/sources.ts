// The payload of each volume source kind: configMap, secret (pkg/volume/configmap,
// pkg/volume/secret), downwardAPI (pkg/volume/downwardapi CollectData) and a projected
// serviceAccountToken (pkg/volume/projected), v1.32. Each returns the files or the error text
// the kubelet reports after `MountVolume.SetUp failed for volume "<name>" : `.

import type { KubeObject } from "../../../api/types/meta";
import { decodeSecretData } from "../../env/config-lookup";
import { extractFieldPathAsString } from "../../env/field-ref";
import { extractResourceValue } from "../../env/resource-field-ref";
import { aggregateMessage, makePayload } from "./payload";
import type { Payload, ProjectionInput } from "./payload";

type PayloadResult = { payload: Payload } | { error: string };

export function configMapPayload(source: any, defaultMode: number, input: ProjectionInput): PayloadResult {
  const ns = input.pod.metadata.namespace ?? "default";
  const optional = source.optional === true;
  const cm = input.lookup.configMap(ns, source.name);
  if (!cm && !optional) return { error: `configmap "${source.name}" not found` };
  const data: Record<string, string> = { ...((cm?.data ?? {}) as Record<string, string>) };
  for (const [k, v] of Object.entries((cm?.binaryData ?? {}) as Record<string, string>)) {
    data[k] = Buffer.from(v, "base64").toString("utf8");
  }
  return makePayload(source.items, data, defaultMode, optional, (key) => `configmap references non-existent config key: ${key}`);
}

export function secretPayload(source: any, secretName: string, defaultMode: number, input: ProjectionInput): PayloadResult {
  const ns = input.pod.metadata.namespace ?? "default";
  const optional = source.optional === true;
  const secret = input.lookup.secret(ns, secretName);
  if (!secret && !optional) return { error: `secret "${secretName}" not found` };
  const data = secret ? decodeSecretData(secret) : {};
  return makePayload(source.items, data, defaultMode, optional, (key) => `references non-existent secret key: ${key}`);
}

/** Downward API items; every item's error is collected, as CollectData does. */
export function downwardAPIPayload(items: readonly any[], defaultMode: number, input: ProjectionInput): PayloadResult {
  const payload: Payload = {};
  const errors: string[] = [];
  for (const item of items ?? []) {
    let data = "";
    if (item.fieldRef) {
      const r = extractFieldPathAsString(input.pod, item.fieldRef.fieldPath);
      if ("error" in r) errors.push(r.error);
      else data = r.value;
    } else if (item.resourceFieldRef) {
      const r = extractResourceValue(input.pod, item.resourceFieldRef, undefined, input.allocatable);
      if ("error" in r) errors.push(r.error);
      else data = r.value;
    }
    payload[item.path] = { data, mode: item.mode ?? defaultMode };
  }
  const error = aggregateMessage(errors);
  return error ? { error } : { payload };
}

/**
 * A stand-in for the TokenRequest API's JWT: same three-part shape and claims, a fixed fake
 * signature, and no times (the caller passes a real-looking token if it wants one).
 */
export function fakeServiceAccountToken(pod: KubeObject): string {
  const ns = pod.metadata.namespace ?? "default";
  const sa = pod.spec?.serviceAccountName ?? "default";
  // The kubelet mounts it, remounts it and the state file implies it: one pod's token is asked for often.
  const key = `${ns}/${sa}/${pod.metadata.name}/${pod.metadata.uid}`;
  let token = tokens.get(key);
  if (token === undefined) {
    const claims = b64url(claimsJson(ns, sa, pod.metadata.name, pod.metadata.uid));
    token = `${TOKEN_HEADER}.${claims}.${TOKEN_SIGNATURE}`;
    if (tokens.size >= 10_000) tokens.clear();
    tokens.set(key, token);
  }
  return token;
}

/**
 * The token's claims as JSON.stringify writes them: written out, as a pod starting makes one
 * (a name or uid left undefined is left out, as JSON.stringify leaves it).
 */
function claimsJson(ns: string, sa: string, name: string | undefined, uid: string | undefined): string {
  const named = name === undefined ? "" : `"name":${JSON.stringify(name)}`;
  const pod = uid === undefined ? named : `${named}${named === "" ? "" : ","}"uid":${JSON.stringify(uid)}`;
  return (
    `{"aud":["${AUDIENCE}"],"iss":"${AUDIENCE}","kubernetes.io":{"namespace":${JSON.stringify(ns)},"pod":{${pod}},` +
    `"serviceaccount":{"name":${JSON.stringify(sa)}}},"sub":${JSON.stringify(`system:serviceaccount:${ns}:${sa}`)}}`
  );
}

const AUDIENCE = "https://kubernetes.default.svc.cluster.local";
const b64url = (s: string): string => Buffer.from(s).toString("base64url");
const TOKEN_HEADER = b64url(JSON.stringify({ alg: "RS256", kid: "kubesim" }));
const TOKEN_SIGNATURE = b64url("kubesim-fake-signature");
const tokens = new Map<string, string>();
