// The state file's JSON shape. Kept apart from the engine so that reading a state's version
// (state/schema.ts) or reporting a bad file (cli/errors.ts) loads nothing else.

import type { KubeObject } from "../api/types";

export const SCHEMA_VERSION = 1;

/** The state file's JSON shape (schemaVersion 1). */
export interface ClusterState {
  schemaVersion: number;
  clock: { now: string; tick: string };
  seed: number;
  rngState: number;
  resourceVersion: number;
  objects: KubeObject[];
  agenda: { due: string; component: string; key: string }[];
  runtime: Record<string, unknown>;
}
