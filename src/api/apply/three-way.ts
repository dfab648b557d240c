// kubectl's client-side apply patch: CreateThreeWayMergePatch from
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go. The delta (what the new config sets
// differently from the live object, never deleting) is merged with the deletions (what the
// config dropped since it was last applied), so fields set by the server or by other writers
// survive, and fields removed from the config are removed from the object.

import type { JsonMap } from "./merge";
import { diffMaps, strategicMergePatch } from "./merge";

/**
 * @param original the last-applied configuration (undefined when the object has none)
 * @param modified the configuration being applied (with its new last-applied annotation)
 * @param current the live object
 */
export function createThreeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
  const delta = diffMaps(current, modified, { ignoreDeletions: true });
  const deletions = diffMaps(original ?? {}, modified, { ignoreChangesAndAdditions: true });
  return strategicMergePatch(deletions, delta);
}
