// Structured validation results (Kubernetes' field.Error types). Never message text:
// validation/render.ts turns them into kubectl's words.

import type { GoType } from "./go-value";

export type FieldIssueType =
  | "Required"
  | "Invalid"
  | "NotSupported"
  | "Forbidden"
  | "Duplicate"
  | "TooLong"
  | "TooMany"
  | "NotFound"
  | "TypeInvalid";

export interface FieldIssue {
  readonly type: FieldIssueType;
  /** "spec.template.spec.containers[0].image" */
  readonly path: string;
  /** The offending value, rendered Go-style by render.ts (absent for Required/Forbidden). */
  readonly value?: unknown;
  /** The text after the value: "must be greater than or equal to 0", or the supported values. */
  readonly detail?: string;
  /** For NotSupported: the allowed values. */
  readonly supported?: readonly string[];
  /**
   * The Go type for %#v rendering of maps and structs: a name go-value.ts knows, e.g.
   * "map[string]string", or the type itself (one only a validator loaded on writes prints).
   */
  readonly goType?: string | GoType;
}

export const required = (path: string, detail?: string): FieldIssue => ({ type: "Required", path, detail });
export const invalidValue = (path: string, value: unknown, detail: string, goType?: string | GoType): FieldIssue => ({
  type: "Invalid",
  path,
  value,
  detail,
  goType,
});
export const notSupported = (path: string, value: unknown, supported: readonly string[]): FieldIssue => ({
  type: "NotSupported",
  path,
  value,
  supported,
});
export const forbiddenField = (path: string, detail: string): FieldIssue => ({ type: "Forbidden", path, detail });
export const duplicate = (path: string, value: unknown): FieldIssue => ({ type: "Duplicate", path, value });
