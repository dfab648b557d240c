// Small helpers shared by the per-kind validators (pkg/apis/core/validation and
// k8s.io/apimachinery/pkg/api/validation): non-negative fields, immutable fields, and
// apimachinery's semantic equality.

import type { FieldIssue } from "../issues";
import type { GoType } from "../go-value";
import { invalidValue, notSupported, required } from "../issues";

export const isNegativeErrorMsg = "must be greater than or equal to 0";
export const fieldImmutableErrorMsg = "field is immutable";

export type Obj = Record<string, any>;

export function validateNonnegativeField(value: unknown, path: string): FieldIssue[] {
  return typeof value === "number" && value < 0 ? [invalidValue(path, value, isNegativeErrorMsg)] : [];
}

/**
 * equality.Semantic.DeepEqual as far as JSON values go: unlike reflect.DeepEqual, a missing,
 * nil or empty map or list are all equal.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined || v === null || (typeof v === "object" && Object.keys(v as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => semanticEqual(v, bb[i]));
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!semanticEqual((a as Obj)[k], (b as Obj)[k])) return false;
  return true;
}

/** ValidateImmutableField: "Invalid value: <new>: field is immutable". */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: string, goType?: string | GoType): FieldIssue[] {
  return semanticEqual(newVal, oldVal) ? [] : [invalidValue(path, newVal, fieldImmutableErrorMsg, goType)];
}

/** ValidateObjectMetaUpdate's identity fields. */
export function validateObjectMetaUpdate(newMeta: Obj, oldMeta: Obj): FieldIssue[] {
  return [
    ...validateImmutableField(newMeta.name, oldMeta.name, "metadata.name"),
    ...validateImmutableField(newMeta.namespace, oldMeta.namespace, "metadata.namespace"),
    ...(newMeta.uid !== undefined && oldMeta.uid !== undefined
      ? validateImmutableField(newMeta.uid, oldMeta.uid, "metadata.uid")
      : []),
    ...(newMeta.creationTimestamp !== undefined && oldMeta.creationTimestamp !== undefined
      ? validateImmutableField(newMeta.creationTimestamp, oldMeta.creationTimestamp, "metadata.creationTimestamp")
      : []),
  ];
}

/** Go ranges over maps in random order; kubesim sorts keys to stay deterministic. */
export const sortedKeys = (m: object | undefined | null): string[] => Object.keys(m ?? {}).sort();

/** A required enum field: Required when empty, NotSupported when unknown. */
export function validateEnum(value: unknown, supported: readonly string[], path: string): FieldIssue[] {
  if (value === undefined || value === "") return [required(path, "")];
  return supported.includes(String(value)) ? [] : [notSupported(path, value, supported)];
}
