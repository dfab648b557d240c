// Strategic merge patch for the kinds kubesim models, ported from
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go: StrategicMergePatch (mergeMap,
// mergeSlice) applies a patch; diffMaps/diffLists compute one. Lists named in patch-meta.ts
// merge item by item on their patch merge key; other lists are replaced whole. Directives:
// `$patch: delete|replace` (maps and list items), `$deleteFromPrimitiveList/<f>`,
// `$setElementOrder/<f>` (applied, never generated here); `$retainKeys` is ignored.

import { deepEqual } from "../deep-equal";
import type { ListStrategy } from "./patch-meta";
import { listStrategy } from "./patch-meta";
import { deepCopy } from "../deep-copy";

export type JsonMap = Record<string, unknown>;

const PATCH = "$patch";
const DELETE_FROM = "$deleteFromPrimitiveList/";
const ORDER = "$setElementOrder/";
const RETAIN = "$retainKeys";

export function isMap(v: unknown): v is JsonMap {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Applies a strategic merge patch to `original` (neither is modified); returns the result. */
export function strategicMergePatch(original: JsonMap, patch: JsonMap): JsonMap {
  return mergeMap(original, patch, []) ?? {};
}

/** mergeMap: undefined means the map itself was deleted (`$patch: delete`). */
function mergeMap(original: JsonMap, patch: JsonMap, path: readonly string[]): JsonMap | undefined {
  if (patch[PATCH] === "delete") return undefined;
  if (patch[PATCH] === "replace") return withoutDirectives(patch);
  const out: JsonMap = deepCopy(original);
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_FROM)) {
      const field = k.slice(DELETE_FROM.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) {
        out[field] = (out[field] as unknown[]).filter((x) => !v.some((d) => deepEqual(d, x)));
      }
      continue;
    }
    if (k === PATCH || k === RETAIN || k.startsWith(ORDER)) continue;
    const childPath = [...path, k];
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (isMap(v)) {
      const merged = mergeMap(isMap(cur) ? cur : {}, v, childPath);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
      continue;
    }
    if (Array.isArray(v)) {
      out[k] = Array.isArray(cur) ? mergeList(cur, v, listStrategy(childPath), childPath) : withoutListDirectives(v);
      continue;
    }
    out[k] = v;
  }
  for (const [k, v] of Object.entries(patch)) {
    if (!k.startsWith(ORDER) || !Array.isArray(v)) continue;
    const field = k.slice(ORDER.length);
    if (Array.isArray(out[field])) out[field] = orderBy(out[field] as unknown[], v, listStrategy([...path, field]));
  }
  return out;
}

function mergeList(original: unknown[], patch: unknown[], strategy: ListStrategy, path: readonly string[]): unknown[] {
  if (strategy.type === "set") {
    const out = [...original];
    for (const x of patch) if (!out.some((o) => deepEqual(o, x))) out.push(x);
    return out;
  }
  if (strategy.type === "atomic" || !keyed(original, strategy.key) || !keyed(patch.filter((p) => !isReplace(p)), strategy.key)) {
    return withoutListDirectives(patch);
  }
  if (patch.some(isReplace)) return patch.filter((p) => !isReplace(p));
  const key = strategy.key;
  let out = deepCopy(original) as JsonMap[];
  for (const item of patch as JsonMap[]) {
    const at = out.findIndex((o) => deepEqual(o[key], item[key]));
    if (item[PATCH] === "delete") {
      out = out.filter((o) => !deepEqual(o[key], item[key]));
      continue;
    }
    if (at < 0) out.push(withoutDirectives(item));
    else {
      const merged = mergeMap(out[at], item, path);
      if (merged === undefined) out.splice(at, 1);
      else out[at] = merged;
    }
  }
  return out;
}

/** Lists of maps that all carry the merge key can merge; anything else is replaced whole. */
function keyed(list: unknown[], key: string): boolean {
  return list.every((x) => isMap(x) && x[key] !== undefined);
}

function isReplace(x: unknown): boolean {
  return isMap(x) && x[PATCH] === "replace" && Object.keys(x).length === 1;
}

function orderBy(list: unknown[], order: unknown[], strategy: ListStrategy): unknown[] {
  const id = (x: unknown) => (strategy.type === "merge" && isMap(x) ? x[strategy.key] : x);
  const rank = (x: unknown) => {
    const i = order.findIndex((o) => deepEqual(id(o), id(x)));
    return i < 0 ? order.length : i;
  };
  return list.map((x, i) => ({ x, i, r: rank(x) })).sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.x);
}

function withoutDirectives(m: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(m)) if (!k.startsWith("$")) out[k] = v;
  return out;
}

function withoutListDirectives(list: unknown[]): unknown[] {
  return list.filter((x) => !(isMap(x) && x[PATCH] !== undefined)).map((x) => deepCopy(x));
}

export interface DiffOptions {
  /** Leave out fields present in original but absent from modified (three-way's delta). */
  readonly ignoreDeletions?: boolean;
  /** Only record what modified removed (three-way's deletions). */
  readonly ignoreChangesAndAdditions?: boolean;
}

/** diffMaps: the strategic merge patch that turns original into modified. */
export function diffMaps(original: JsonMap, modified: JsonMap, opts: DiffOptions = {}, path: readonly string[] = []): JsonMap {
  const patch: JsonMap = {};
  for (const [k, mv] of Object.entries(modified)) {
    if (mv === undefined) continue;
    const ov = original[k];
    const childPath = [...path, k];
    if (ov === undefined) {
      if (!opts.ignoreChangesAndAdditions) patch[k] = deepCopy(mv);
      continue;
    }
    if (isMap(ov) && isMap(mv)) {
      const sub = diffMaps(ov, mv, opts, childPath);
      if (Object.keys(sub).length > 0) patch[k] = sub;
      continue;
    }
    if (Array.isArray(ov) && Array.isArray(mv)) {
      diffLists(ov, mv, k, listStrategy(childPath), opts, childPath, patch);
      continue;
    }
    if (!deepEqual(ov, mv) && !opts.ignoreChangesAndAdditions) patch[k] = deepCopy(mv);
  }
  if (!opts.ignoreDeletions) {
    for (const k of Object.keys(original)) if (original[k] !== undefined && modified[k] === undefined) patch[k] = null;
  }
  return patch;
}

/** diffLists: writes the patch of one list field (and its directives) into `patch`. */
function diffLists(
  original: unknown[],
  modified: unknown[],
  field: string,
  strategy: ListStrategy,
  opts: DiffOptions,
  path: readonly string[],
  patch: JsonMap,
): void {
  if (strategy.type === "set") {
    const added = modified.filter((m) => !original.some((o) => deepEqual(o, m)));
    const removed = original.filter((o) => !modified.some((m) => deepEqual(o, m)));
    if (added.length > 0 && !opts.ignoreChangesAndAdditions) patch[field] = deepCopy(added);
    if (removed.length > 0 && !opts.ignoreDeletions) patch[DELETE_FROM + field] = deepCopy(removed);
    return;
  }
  if (strategy.type === "atomic" || !keyed(original, strategy.key) || !keyed(modified, strategy.key)) {
    if (!deepEqual(original, modified) && !opts.ignoreChangesAndAdditions) patch[field] = deepCopy(modified);
    return;
  }
  const key = strategy.key;
  const out: JsonMap[] = [];
  for (const m of modified as JsonMap[]) {
    const o = (original as JsonMap[]).find((x) => deepEqual(x[key], m[key]));
    if (!o) {
      if (!opts.ignoreChangesAndAdditions) out.push(deepCopy(m));
      continue;
    }
    const sub = diffMaps(o, m, opts, path);
    if (Object.keys(sub).length > 0) out.push({ [key]: m[key], ...sub });
  }
  if (!opts.ignoreDeletions) {
    for (const o of original as JsonMap[]) {
      if (!(modified as JsonMap[]).some((m) => deepEqual(m[key], o[key]))) out.push({ [key]: o[key], [PATCH]: "delete" });
    }
  }
  if (out.length > 0) patch[field] = out;
}

/** CreateTwoWayMergePatch: the patch from original to modified, deletions included. */
export function createTwoWayMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  return diffMaps(original, modified);
}
