// JSON patch (RFC 6902, through fast-json-patch) and JSON merge patch (RFC 7386), the other two
// `kubectl patch --type`s. Both return new values and never modify their inputs.

import fastJsonPatch from "fast-json-patch";
import type { Operation } from "fast-json-patch";
import { deepEqual } from "../deep-equal";
import { deepCopy } from "../deep-copy";

const { applyPatch, validate } = fastJsonPatch;

/** Thrown for a patch that cannot apply; the message is what the API server answers. */
export class PatchError extends Error {}

/** RFC 6902: applies the operations in order; a failed `test` or a bad path throws PatchError. */
export function applyJsonPatch<T>(doc: T, ops: readonly Operation[]): T {
  const copy = deepCopy(doc);
  const problem = validate(ops as Operation[], copy);
  if (problem) throw new PatchError(jsonPatchMessage(problem));
  try {
    return applyPatch(copy, deepCopy(ops as Operation[]), false, true).newDocument as T;
  } catch (e) {
    throw new PatchError(jsonPatchMessage(e as Error));
  }
}

function jsonPatchMessage(e: Error & { name?: string; operation?: Operation }): string {
  const name = (e as { name?: string }).name ?? "";
  if (name === "TEST_OPERATION_FAILED") return "the test operation failed";
  if (name === "OPERATION_PATH_UNRESOLVABLE" || name === "OPERATION_PATH_CANNOT_ADD") {
    const op = (e as { operation?: Operation }).operation;
    return `doc is missing path: "${op?.path ?? ""}": missing value`;
  }
  return e.message.split("\n")[0];
}

/** RFC 7386 MergePatch: objects merge recursively, null deletes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return deepCopy(patch);
  const out: Record<string, unknown> = isObject(target) ? deepCopy(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

/** The smallest RFC 7386 patch turning `from` into `to` (CreateMergePatch). */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return deepCopy(to);
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(to)) {
    if (!Object.hasOwn(from, k)) patch[k] = deepCopy(v);
    else if (isObject(v) && isObject(from[k])) {
      const sub = createMergePatch(from[k], v) as Record<string, unknown>;
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!deepEqual(from[k], v)) patch[k] = deepCopy(v);
  }
  for (const k of Object.keys(from)) if (!Object.hasOwn(to, k)) patch[k] = null;
  return patch;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
