// The values a JSONPath template finds in one object, for --sort-by (the printers' engine).

import type { KubeObject } from "../../../api/types";
import { findResults } from "../../../printers/formats/jsonpath";

export function findValues(obj: KubeObject, template: string): readonly unknown[] {
  return findResults(template, obj);
}
