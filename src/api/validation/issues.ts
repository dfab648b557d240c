// Structured validation results (Kubernetes' field.Error types). Never message text:
// validation/render.ts turns them into kubectl's words.

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
  /** Go type name for %#v rendering of maps/structs, e.g. "map[string]string". */
  readonly goType?: string;
}

export const required = (path: string, detail?: string): FieldIssue => ({ type: "Required", path, detail });
export const invalidValue = (path: string, value: unknown, detail: string, goType?: string): FieldIssue => ({
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
