// Label and field selectors: kubectl's `-l` syntax, LabelSelector objects, matching, and the
// canonical string form kubectl prints (requirements sorted by key, no spaces).
// Port of apimachinery/pkg/labels/selector.go (parse and String) in spirit.

import type { KubeObject, LabelSelector } from "./types";
import { badRequest } from "./errors";
import { isInt64, parseLabelSelector } from "./selector-parser";
import type { ParsedOperator } from "./selector-parser";

export type Operator = ParsedOperator;

export interface Requirement {
  readonly key: string;
  readonly op: Operator;
  readonly values: readonly string[];
}

export type Selector = readonly Requirement[];

/** Everything matches the empty selector. */
export const EVERYTHING: Selector = [];

export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  // A loop, not selector.every(closure): controllers match every pod at every sync.
  for (const r of selector) if (!meets(r, labels)) return false;
  return true;
}

function meets(r: Requirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case "=":
    case "==":
    case "in":
      return has && r.values.includes(labels[r.key]);
    case "!=":
    case "notin":
      return !has || !r.values.includes(labels[r.key]);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt":
      return has && comparesTo(r.op, labels[r.key], r.values[0]);
  }
}

/** Gt/Lt: both sides 64-bit integers (a label that is not one matches neither). */
function comparesTo(op: "gt" | "lt", label: string, value: string): boolean {
  if (!isInt64(label)) return false;
  const [a, b] = [BigInt(label), BigInt(value)];
  return op === "gt" ? a > b : a < b;
}

/**
 * Parses kubectl's `-l` syntax as labels.Parse does (selector-parser.ts): `app=web,tier!=db`,
 * `env in (a,b)`, `!canary`, `release`, `replicas>2`. Throws BadRequest with Parse's words.
 */
export function parseSelector(text: string): Selector {
  try {
    return parseLabelSelector(text);
  } catch (err) {
    throw badRequest((err as Error).message);
  }
}

/** A LabelSelector object as requirements. An absent selector selects nothing (undefined). */
export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector | undefined {
  return sel ? kept(selectors, sel, requirementsOf) : undefined;
}

/**
 * The requirements made from a selector object, kept per object: a stored object's selector is
 * never changed in place, and controllers (and every pod change's triggers) read it again and again.
 */
function kept<S extends object>(cache: WeakMap<S, Selector>, sel: S, make: (sel: S) => Selector): Selector {
  let selector = cache.get(sel);
  if (selector === undefined) cache.set(sel, (selector = make(sel)));
  return selector;
}

const selectors = new WeakMap<LabelSelector, Selector>();

function requirementsOf(sel: LabelSelector): Selector {
  const out: Requirement[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) out.push({ key: k, op: "=", values: [v] });
  for (const e of sel.matchExpressions ?? []) {
    const op: Operator = e.operator === "In" ? "in" : e.operator === "NotIn" ? "notin" : e.operator === "Exists" ? "exists" : "!";
    out.push({ key: e.key, op, values: [...(e.values ?? [])].sort() });
  }
  return out;
}

/** A map selector (Service, ReplicationController): key=value for each entry. */
export function fromMap(sel: Readonly<Record<string, string>> | undefined): Selector {
  if (!sel) return EVERYTHING;
  return kept(mapSelectors, sel, requirementsOfMap);
}

const mapSelectors = new WeakMap<Readonly<Record<string, string>>, Selector>();

const requirementsOfMap = (map: Readonly<Record<string, string>>): Selector => Object.entries(map).map(([key, v]) => ({ key, op: "=" as Operator, values: [v] }));

/** kubectl's printed form: sorted by key, `k=v`, `k in (a,b)`, `!k`; empty → "<none>". */
export function formatSelector(sel: Selector | undefined): string {
  if (!sel || sel.length === 0) return "<none>";
  return [...sel]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      switch (r.op) {
        case "=":
        case "==":
          return `${r.key}=${r.values[0]}`;
        case "!=":
          return `${r.key}!=${r.values[0]}`;
        case "in":
        case "notin":
          return `${r.key} ${r.op} (${[...r.values].sort().join(",")})`;
        case "exists":
          return r.key;
        case "!":
          return `!${r.key}`;
        case "gt":
          return `${r.key}>${r.values[0]}`;
        case "lt":
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(",");
}

/** Labels as kubectl prints them: sorted `k=v` joined by commas, or "<none>". */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

export interface FieldRequirement {
  readonly field: string;
  readonly op: "=" | "!=";
  readonly value: string;
}

/** Parses `--field-selector`: `status.phase=Running,spec.nodeName!=x`. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  return text
    .split(",")
    .filter((p) => p.trim() !== "")
    .map((p) => {
      const m = p.trim().match(/^([^=!]+)(==|!=|=)(.*)$/);
      if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${p}'`);
      return { field: m[1], op: m[2] === "!=" ? "!=" : "=", value: m[3] };
    });
}

/** Reads a dotted field path (metadata.name, status.phase, spec.nodeName) as a string. */
export function fieldValue(obj: KubeObject, field: string): string {
  let cur: unknown = obj;
  for (const part of field.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? "" : String(cur);
}

export function matchesFields(reqs: readonly FieldRequirement[], obj: KubeObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) === (r.op === "="));
}
