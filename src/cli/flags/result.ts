// What a mutating verb prints for each object: `deployment.apps/web created`, with the dry-run
// suffix, or the object itself under -o yaml|json|name (kubectl-output.md §0.5).

import type { KubeObject } from "../../api/types";
import { infoForKind, kindDotGroup } from "../../api/registry";
import type { DryRun } from "./dry-run";
import { dryRunSuffix } from "./dry-run";

/** `deployment.apps/web` */
export function resourceName(obj: KubeObject): string {
  const info = infoForKind(obj.kind);
  return `${info ? kindDotGroup(info) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** `deployment.apps/web created (dry run)` */
export function successLine(obj: KubeObject, operation: string, dryRun: DryRun = "none"): string {
  return `${resourceName(obj)} ${operation}${dryRunSuffix(dryRun)}\n`;
}
