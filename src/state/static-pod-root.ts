// Where static pod folders live: `<state file>.static/<node>/`, beside the state file. Apart
// from their reader (static-pod-dirs.ts), so a command can ask cheaply whether there are any.

import * as path from "node:path";

/** The folder holding every node's static pod folder. */
export function staticPodRoot(statePath: string): string {
  return `${path.join(path.dirname(statePath), path.basename(statePath))}.static`;
}

/** The folder of static pod manifests of `nodeName`, beside the state file. */
export function staticPodDir(statePath: string, nodeName: string): string {
  return path.join(staticPodRoot(statePath), nodeName);
}
