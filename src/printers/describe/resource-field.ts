// The value describe prints for an env var from a resourceFieldRef. Port of kubectl's
// pkg/util/resource ExtractContainerResourceValue (v1.32): the container's request or limit
// divided by the divisor (1 when unset) and rounded up — cpu in millicores, the rest in units —
// so `limits.memory` of 128Mi with divisor 1Mi prints 128, and an unset limit prints 0 (which
// describe then shows as "node allocatable").

import { milliValue, parseQuantity, wholeValue } from "../../api/quantity";

type Resources = { requests?: Record<string, string | number>; limits?: Record<string, string | number> };

/** "" when the resource is not one kubectl knows (its error path). */
export function extractContainerResourceValue(ref: { resource: string; divisor?: string | number }, resources: Resources | undefined): string {
  const divisorText = ref.divisor === undefined ? "" : String(ref.divisor);
  const divisor = divisorText === "" || parseQuantity(divisorText) === 0 ? "1" : divisorText;
  const [kind, name] = splitOnce(ref.resource);
  if ((kind !== "limits" && kind !== "requests") || !isSupported(name)) return "";
  const value = resources?.[kind]?.[name];
  if (name === "cpu") return String(Math.ceil(milliValue(value) / milliValue(divisor)));
  return String(Math.ceil(wholeValue(value) / wholeValue(divisor)));
}

const isSupported = (name: string): boolean => name === "cpu" || name === "memory" || name === "ephemeral-storage" || name.startsWith("hugepages-");

function splitOnce(s: string): [string, string] {
  const dot = s.indexOf(".");
  return dot < 0 ? [s, ""] : [s.slice(0, dot), s.slice(dot + 1)];
}
