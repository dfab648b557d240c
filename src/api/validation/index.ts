// The validation entry points the API server calls. Each returns issues, never text.

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { FieldIssue } from "./issues";
import { validateMetadata } from "./names";
import { validateSchema, unknownFields, decodeErrors } from "./openapi";
import { validateSemantics, validateUpdateSemantics } from "./semantics";

export { unknownFields, decodeErrors };

/** Everything wrong with obj as a new object of this resource. */
export function validateCreate(obj: KubeObject, info: ResourceInfo): FieldIssue[] {
  return [...validateMetadata(obj, info), ...validateSchema(obj, info), ...validateSemantics(obj, info)];
}

/** Everything wrong with replacing old by obj (immutable fields included). */
export function validateUpdate(old: KubeObject, obj: KubeObject, info: ResourceInfo): FieldIssue[] {
  return [...validateCreate(obj, info), ...validateUpdateSemantics(old, obj, info)];
}
