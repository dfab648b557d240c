// -o name and the resource/name line of mutating verbs (§0.5): `deployment.apps/web`.

import type { KubeObject } from "../../api/types";
import { infoForKind, kindDotGroup } from "../../api/registry";

export function resourceName(obj: KubeObject): string {
  const info = infoForKind(obj.kind);
  const kind = info ? kindDotGroup(info) : obj.kind.toLowerCase();
  return `${kind}/${obj.metadata.name ?? ""}`;
}

/** `deployment.apps/web created`, with kubectl's dry-run suffixes. */
export function operationLine(obj: KubeObject, operation: string, dryRun: "none" | "client" | "server" = "none"): string {
  const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  return `${resourceName(obj)} ${operation}${suffix}`;
}
