// --sort-by: kubectl's RuntimeSorter/TableSorter (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go).
// The first value the JSONPath finds in each object decides; objects without it sort first;
// numbers compare numerically, strings that both parse as quantities by quantity, other strings
// in natural order (sortorder.NaturalLess: "pod-9" < "pod-10").

import type { KubeObject } from "../../../api/types";
import { parseQuantity } from "../../../api/quantity";
import { UsageError } from "../../../api/errors";

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name` and `{.metadata.name}` → `{.metadata.name}`. */
export function relaxedJSONPath(field: string): string {
  const inner = /^\{.*\}$/s.test(field) ? field.slice(1, -1) : field;
  return `{${inner.startsWith(".") || inner.startsWith("[") ? inner : "." + inner}}`;
}

/** Finds the values a JSONPath template yields on one object (the printers' JSONPath engine). */
export type ValueFinder = (obj: KubeObject, template: string) => readonly unknown[];

/** Sorts a copy of `objects` by `field`; throws kubectl's error when no object has the field. */
export function sortObjects(objects: readonly KubeObject[], field: string, find: ValueFinder): KubeObject[] {
  const template = relaxedJSONPath(field);
  const keyed = objects.map((obj) => {
    const values = find(obj, template);
    return { obj, value: values.length > 0 && values[0] !== undefined && values[0] !== null ? values[0] : undefined };
  });
  if (objects.length > 0 && keyed.every((k) => k.value === undefined)) {
    throw new UsageError(`couldn't find any field with path "${template}" in the list of objects`);
  }
  return keyed.sort((a, b) => compareValues(a.value, b.value)).map((k) => k.obj);
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = typeof a === "string" ? a : JSON.stringify(a);
  const sb = typeof b === "string" ? b : JSON.stringify(b);
  const qa = parseQuantity(sa);
  const qb = parseQuantity(sb);
  if (qa !== undefined && qb !== undefined) return qa - qb;
  return naturalLess(sa, sb) ? -1 : naturalLess(sb, sa) ? 1 : 0;
}

const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare as numbers. */
export function naturalLess(s1: string, s2: string): boolean {
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1];
    const c2 = s2[i2];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === "0") i1++;
    while (i2 < s2.length && s2[i2] === "0") i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1])) i1++;
    while (i2 < s2.length && isDigit(s2[i2])) i2++;
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    const n1 = s1.slice(nz1, i1);
    const n2 = s2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}
