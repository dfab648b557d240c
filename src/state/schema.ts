// The state file's schema version. A newer or unknown version is refused with a clear error
// rather than guessed at; migrations from older versions go here when there are some.

import type { ClusterState } from "../sim/state-shape";
import { SCHEMA_VERSION } from "../sim/state-shape";

export class StateFileError extends Error {}

export function checkSchema(data: unknown, file: string): ClusterState {
  const s = data as Partial<ClusterState> | null;
  if (!s || typeof s !== "object" || typeof s.schemaVersion !== "number" || !Array.isArray(s.objects) || !s.clock) {
    throw new StateFileError(`state file "${file}" is not valid kubesim state; move it away or run "kubesim sim reset"`);
  }
  if (s.schemaVersion > SCHEMA_VERSION) {
    throw new StateFileError(
      `state file "${file}" has schemaVersion ${s.schemaVersion}, newer than this kubesim understands (${SCHEMA_VERSION})`,
    );
  }
  return s as ClusterState;
}
