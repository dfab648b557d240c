// What a mutating verb prints for each object: `deployment.apps/web created`, with the dry-run
// suffix (kubectl-output.md §0.5). The name printer lives in printers/formats/name.ts.

import type { KubeObject } from "../../api/types";
import { operationLine } from "../../printers/formats/name";
import type { DryRun } from "./dry-run";

export { resourceName } from "../../printers/formats/name";

/** `deployment.apps/web created (dry run)` */
export function successLine(obj: KubeObject, operation: string, dryRun: DryRun = "none"): string {
  return `${operationLine(obj, operation, dryRun)}\n`;
}
