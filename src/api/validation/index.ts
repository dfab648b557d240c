// The validation entry points the API server calls. Each returns issues, never text.

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { FieldIssue } from "./issues";
import { validateMetadata } from "./names";
import { validateSchema, unknownFields, decodeErrors } from "./openapi";
import { validateSemantics, validateUpdateSemantics } from "./semantics";

export { unknownFields, decodeErrors };

/** Everything wrong with obj as a new object of this resource. */
export function validateCreate(obj: KubeObject, info: ResourceInfo, trusted = false): FieldIssue[] {
  // A controller's write is built from stored objects that met the schema's required fields
  // already (a pod from its template); the check costs ~0.2 ms an object, a fifth of a large
  // rollout. Names, labels and the semantic rules still run: those can differ (an ordinal
  // that makes a StatefulSet pod's name too long).
  return [...validateMetadata(obj, info), ...(trusted ? [] : validateSchema(obj, info)), ...validateSemantics(obj, info)];
}

/** Everything wrong with replacing old by obj (immutable fields included). */
export function validateUpdate(old: KubeObject, obj: KubeObject, info: ResourceInfo, trusted = false): FieldIssue[] {
  return [...validateCreate(obj, info, trusted), ...validateUpdateSemantics(old, obj, info)];
}
