// The one place FieldIssues become kubectl's words: field.Error.Error() on the server, then
// kubectl's "The <Kind> "<name>" is invalid: ..." layout (cmdutil.StandardErrorMessage).

import type { FieldIssue, FieldIssueType } from "./issues";
import { goQuote, renderGoValue } from "./go-value";

/** field.ErrorType.String(). */
const TYPE_TEXT: Record<FieldIssueType, string> = {
  NotFound: "Not found",
  Required: "Required value",
  Duplicate: "Duplicate value",
  Invalid: "Invalid value",
  NotSupported: "Unsupported value",
  Forbidden: "Forbidden",
  TooLong: "Too long",
  TooMany: "Too many",
  TypeInvalid: "Invalid value",
};

/** Types whose body never shows the value. */
const VALUELESS = new Set<FieldIssueType>(["Required", "Forbidden", "TooLong"]);

/** field.Error.ErrorBody(): "Invalid value: -1: must be greater than or equal to 0". */
export function renderIssueBody(issue: FieldIssue): string {
  let s = TYPE_TEXT[issue.type];
  if (!VALUELESS.has(issue.type)) s += ": " + renderGoValue(issue.value, issue.goType);
  const detail =
    issue.type === "NotSupported" && issue.supported && issue.supported.length > 0
      ? "supported values: " + issue.supported.map(goQuote).join(", ")
      : issue.detail;
  if (detail) s += ": " + detail;
  return s;
}

/** "spec.replicas: Invalid value: -1: must be greater than or equal to 0". */
export function renderIssue(issue: FieldIssue): string {
  const body = renderIssueBody(issue);
  return issue.path ? `${issue.path}: ${body}` : body;
}

/**
 * kubectl's text for an Invalid status: one cause inline, several as "* cause" lines under a
 * first line that ends in ": " (duplicate causes dropped, first occurrence kept).
 */
export function renderInvalid(kind: string, name: string, issues: readonly FieldIssue[]): string {
  const head = `The ${kind} ${goQuote(name)} is invalid`;
  const causes = [...new Set(issues.map(renderIssue))];
  if (causes.length === 0) return head;
  if (causes.length === 1) return `${head}: ${causes[0]}`;
  return `${head}: \n${causes.map((c) => `* ${c}`).join("\n")}`;
}
