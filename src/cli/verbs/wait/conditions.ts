// What `kubectl wait --for=...` waits for, as pure checks on one object
// (staging/src/k8s.io/kubectl/pkg/cmd/wait/{wait,condition,json,create,delete}.go):
// conditionFuncFor parses the flag, checkCondition and the JSONPath check decide.

import type { KubeObject } from "../../../api/types";
import { UsageError } from "../../../api/errors";
import { findResults, parseJsonPath } from "../../../printers/formats/jsonpath";
import { relaxedJsonPath } from "../../../printers/formats/custom-columns";

export type WaitFor =
  | { readonly type: "delete" }
  | { readonly type: "create" }
  | { readonly type: "condition"; readonly name: string; readonly status: string }
  | { readonly type: "jsonpath"; readonly template: string; readonly value?: string };

/** conditionFuncFor: `delete`, `create`, `condition=NAME[=VALUE]`, `jsonpath=EXPR[=VALUE]`. */
export function parseWaitFor(condition: string): WaitFor {
  const lower = condition.toLowerCase();
  if (lower === "delete") return { type: "delete" };
  if (lower === "create") return { type: "create" };
  if (condition.startsWith("condition=")) {
    const rest = condition.slice("condition=".length);
    const eq = rest.indexOf("=");
    return eq < 0 ? { type: "condition", name: rest, status: "true" } : { type: "condition", name: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (condition.startsWith("jsonpath=")) return parseJsonPathFor(condition.slice("jsonpath=".length));
  throw new UsageError(`unrecognized condition: ${JSON.stringify(condition)}`);
}

/** processJSONPathInput: EXPR or EXPR=VALUE (a `==` stays inside the expression). */
function parseJsonPathFor(input: string): WaitFor {
  const parts = splitJSONPathInput(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new UsageError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  if (parts[0].trim() === "") throw new UsageError("jsonpath expression cannot be empty");
  const template = relaxedJsonPath(parts[0]);
  try {
    parseJsonPath(template);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parts.length === 1) return { type: "jsonpath", template };
  const value = parts[1].replace(/^['"]+|['"]+$/g, "");
  if (value === "") throw new UsageError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  return { type: "jsonpath", template, value };
}

/** splitJSONPathInput: splits at single `=`; `==` is kept as part of the element. */
function splitJSONPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (input[i + 1] === "=") {
        cur += "==";
        i++;
        continue;
      }
      out.push(cur);
      cur = "";
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/**
 * ConditionalWait.checkCondition: the first condition of that type (case-insensitive) decides,
 * unless its observedGeneration (or status.observedGeneration) is behind metadata.generation.
 */
export function checkCondition(obj: KubeObject, name: string, status: string): boolean {
  const conditions = obj.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as Record<string, unknown>[]) {
    if (typeof c?.type !== "string" || !equalFold(c.type, name)) continue;
    if (typeof c.status !== "string") continue;
    const generation = obj.metadata.generation;
    if (typeof generation === "number") {
      const observed = typeof c.observedGeneration === "number" ? c.observedGeneration : obj.status?.observedGeneration;
      if (typeof observed === "number" && observed < generation) return false;
    }
    return equalFold(c.status, status);
  }
  return false;
}

/** JSONPathWait.checkCondition: one primitive result, compared as Go's %v prints it. */
export function checkJsonPath(obj: KubeObject, template: string, value: string | undefined): boolean {
  const results = findResults(template, obj).filter((r) => r !== undefined);
  if (results.length === 0) return false;
  if (results.length > 1) throw new UsageError("given jsonpath expression matches more than one value");
  if (value === undefined) return true;
  const r = results[0];
  if (typeof r === "object" && r !== null) throw new UsageError("jsonpath leads to a nested object or list which is not supported");
  return String(r).trim() === value.trim();
}

/** Go's strings.EqualFold for the ASCII names conditions use. */
function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
