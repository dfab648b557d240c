// Container resource checks: ValidateResourceRequirements (pkg/apis/core/validation).

import type { FieldIssue } from "../issues";
import { invalidValue, required } from "../issues";
import { isNegativeErrorMsg, sortedKeys, type Obj } from "./common";
import { parseQuantity as parseQuantityText } from "../../quantity";

/** A quantity as the API accepts it: a string, or a bare number in YAML/JSON. */
const parseQuantity = (q: unknown): number | undefined =>
  typeof q === "number" ? q : typeof q === "string" ? parseQuantityText(q) : undefined;

/** Quantity.String() for values as users write them (kubesim keeps the user's spelling). */
const quantityString = (q: unknown): string => String(q);

/** Native resources (no domain, or a kubernetes.io one) except hugepages may be overcommitted. */
function isOvercommitAllowed(name: string): boolean {
  const native = !name.includes("/") || name.includes("kubernetes.io/");
  return native && !name.startsWith("hugepages-");
}

function validateQuantityValue(q: unknown, path: string): FieldIssue[] {
  const v = parseQuantity(q);
  return v !== undefined && v < 0 ? [invalidValue(path, quantityString(q), isNegativeErrorMsg)] : [];
}

export function validateResourceRequirements(resources: Obj | undefined, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const limits: Obj = resources?.limits ?? {};
  const requests: Obj = resources?.requests ?? {};
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  for (const name of sortedKeys(limits)) issues.push(...validateQuantityValue(limits[name], `${limPath}[${name}]`));
  for (const name of sortedKeys(requests)) {
    const quantity = requests[name];
    issues.push(...validateQuantityValue(quantity, `${reqPath}[${name}]`));
    if (name in limits) {
      const req = parseQuantity(quantity);
      const lim = parseQuantity(limits[name]);
      if (req === undefined || lim === undefined) continue;
      if (req !== lim && !isOvercommitAllowed(name)) {
        issues.push(invalidValue(reqPath, quantityString(quantity), `must be equal to ${name} limit of ${quantityString(limits[name])}`));
      } else if (req > lim) {
        issues.push(
          invalidValue(reqPath, quantityString(quantity), `must be less than or equal to ${name} limit of ${quantityString(limits[name])}`),
        );
      }
    } else if (!isOvercommitAllowed(name)) {
      issues.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
  }
  return issues;
}
