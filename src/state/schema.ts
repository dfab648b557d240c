// The state file's schema version, and the check that what was read is a kubesim state. A
// newer or unknown version is refused with a clear error rather than guessed at. Version 1 kept
// objects in a list, version 2 saved everything whole; both are read, and saved as the current
// version by the next command that writes.

import type { KubeObject } from "../api/types";
import { keyOf, refOf } from "../api/types";
import type { SavedState } from "../sim/state-shape";
import { SCHEMA_VERSION } from "../sim/state-shape";
import { RawJson, fromSaved } from "../api/store/raw-json";

import { StateFileError } from "./state-file-error";

export const notValidState = (file: string, why = "") =>
  new StateFileError(`state file "${file}" is not valid kubesim state${why}; move it away or run "kubesim sim reset"`);

/** Checks the fields read from `file` and gives them as a SavedState (maps by key). */
export function checkSchema(data: unknown, file: string): SavedState {
  const s = data as Record<string, unknown> | null;
  if (!s || typeof s !== "object" || typeof s.schemaVersion !== "number" || !s.clock || typeof s.clock !== "object") throw notValidState(file);
  if (!Number.isInteger(s.schemaVersion) || s.schemaVersion < 1) {
    throw new StateFileError(`state file "${file}" has schemaVersion ${s.schemaVersion}, which no kubesim wrote; move it away or run "kubesim sim reset"`);
  }
  if (s.schemaVersion > SCHEMA_VERSION) {
    throw new StateFileError(
      `state file "${file}" has schemaVersion ${s.schemaVersion}, newer than this kubesim understands (${SCHEMA_VERSION})`,
    );
  }
  const objects = Array.isArray(s.objects) ? objectsByKey(s.objects, file) : expandShort(asMap(s.objects));
  const runtime = asMap(s.runtime ?? {});
  if (!objects || !runtime || !Array.isArray(s.agenda ?? [])) throw notValidState(file);
  return { ...(s as unknown as SavedState), schemaVersion: SCHEMA_VERSION, objects, runtime, agenda: (s.agenda as SavedState["agenda"]) ?? [] };
}

function objectsByKey(list: unknown[], file: string): Map<string, unknown> {
  const objects = new Map<string, unknown>();
  for (const o of list as KubeObject[]) {
    if (!o || typeof o !== "object" || typeof o.kind !== "string" || !o.metadata?.name) throw notValidState(file);
    objects.set(keyOf(refOf(o)), o);
  }
  return objects;
}

/** A file read as plain JSON holds short Pods and Events as objects: expand them (RawJson expands on use). */
function expandShort(objects: Map<string, unknown> | undefined): Map<string, unknown> | undefined {
  // forEach, not for...of: an entry pair per object, at every load, only to find none to expand.
  objects?.forEach((value, key) => {
    if (!(value instanceof RawJson)) objects.set(key, fromSaved(key, value));
  });
  return objects;
}

function asMap(value: unknown): Map<string, unknown> | undefined {
  if (value instanceof Map) return value;
  if (value && typeof value === "object" && !Array.isArray(value)) return new Map(Object.entries(value));
  return undefined;
}
