// ConfigMap and Secret checks, ported from ValidateConfigMap, ValidateSecret and their
// Update variants (pkg/apis/core/validation/validation.go).

import type { FieldIssue } from "../issues";
import { forbiddenField, invalidValue, required } from "../issues";
import { isConfigMapKey } from "../dns";
import { sortedKeys, semanticEqual, validateImmutableField, type Obj } from "./common";

/** core.MaxSecretSize, also the limit for a ConfigMap's data. */
export const MaxSecretSize = 1 * 1024 * 1024;

const tooLong = (path: string): FieldIssue => ({ type: "TooLong", path, value: "", detail: `may not be more than ${MaxSecretSize} bytes` });

export function validateConfigMap(cm: Obj): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const data: Obj = cm.data ?? {};
  const binary: Obj = cm.binaryData ?? {};
  let total = 0;
  for (const key of sortedKeys(data)) {
    issues.push(...isConfigMapKey(key).map((m) => invalidValue(`data[${key}]`, key, m)));
    if (key in binary) issues.push(invalidValue(`data[${key}]`, key, "duplicate of key present in binaryData"));
    total += String(data[key] ?? "").length;
  }
  for (const key of sortedKeys(binary)) {
    issues.push(...isConfigMapKey(key).map((m) => invalidValue(`binaryData[${key}]`, key, m)));
    if (key in data) issues.push(invalidValue(`binaryData[${key}]`, key, "duplicate of key present in data"));
    total += Math.floor((String(binary[key] ?? "").length * 3) / 4);
  }
  // field.NewPath("") prints as "[]": a root path element without a name is an index.
  if (total > MaxSecretSize) issues.push(tooLong("[]"));
  return issues;
}

/** Keys a Secret type requires in data (stringData counts: the API server merges it first). */
function validateSecretType(type: string, keys: Set<string>): FieldIssue[] {
  const need = (k: string) => (keys.has(k) ? [] : [required(`data[${k}]`, "")]);
  switch (type) {
    case "kubernetes.io/dockerconfigjson":
      return need(".dockerconfigjson");
    case "kubernetes.io/dockercfg":
      return need(".dockercfg");
    case "kubernetes.io/basic-auth":
      return keys.has("username") || keys.has("password") ? [] : [required("data[username]", ""), required("data[password]", "")];
    case "kubernetes.io/ssh-auth":
      return need("ssh-privatekey");
    case "kubernetes.io/tls":
      return [...need("tls.crt"), ...need("tls.key")];
    default:
      return [];
  }
}

export function validateSecret(secret: Obj): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const data: Obj = { ...(secret.data ?? {}), ...(secret.stringData ?? {}) };
  let total = 0;
  for (const key of sortedKeys(data)) {
    issues.push(...isConfigMapKey(key).map((m) => invalidValue(`data[${key}]`, key, m)));
    total += String(data[key] ?? "").length;
  }
  if (total > MaxSecretSize) issues.push(tooLong("data"));
  issues.push(...validateSecretType(String(secret.type ?? ""), new Set(Object.keys(data))));
  return issues;
}

const immutableMsg = "field is immutable when `immutable` is set";

/** Once `immutable: true`, data, binaryData and the flag itself are frozen. */
export function validateImmutableData(newObj: Obj, oldObj: Obj, dataFields: readonly string[]): FieldIssue[] {
  if (oldObj.immutable !== true) return [];
  const issues: FieldIssue[] = [];
  if (newObj.immutable !== oldObj.immutable) issues.push(forbiddenField("immutable", immutableMsg));
  for (const f of dataFields) if (!semanticEqual(newObj[f], oldObj[f])) issues.push(forbiddenField(f, immutableMsg));
  return issues;
}

export function validateSecretUpdate(newObj: Obj, oldObj: Obj): FieldIssue[] {
  return [...validateImmutableField(newObj.type, oldObj.type, "type"), ...validateImmutableData(newObj, oldObj, ["data"])];
}
