// The state file's JSON shape. Kept apart from the engine so that reading a state's version
// (state/schema.ts) or reporting a bad file (cli/errors.ts) loads nothing else.

import type { KubeObject } from "../api/types";

/**
 * 3: Pods, Events and runtime records may be saved in their short forms (api/store/*-encoding.ts,
 * kubelet/record-encoding.ts), which an older kubesim would misread. 2: objects keyed by their
 * store key, one per line. 1: objects in a list. Versions 1 and 2 are still read.
 */
export const SCHEMA_VERSION = 3;

interface StateHeader {
  schemaVersion: number;
  clock: { now: string; tick: string };
  seed: number;
  rngState: number;
  resourceVersion: number;
  agenda: { due: string; component: string; key: string }[];
}

/** A whole state, decoded. */
export interface ClusterState extends StateHeader {
  objects: KubeObject[];
  runtime: Record<string, unknown>;
}

/**
 * A state as saved: objects by store key and runtime records by id, each either decoded or
 * still its JSON text (api/store/raw-json.ts), so loading and saving cost only what was used.
 */
export interface SavedState extends StateHeader {
  objects: Map<string, unknown>;
  runtime: Map<string, unknown>;
}
