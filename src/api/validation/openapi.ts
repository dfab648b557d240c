// Schema validation against the Kubernetes v1.32 OpenAPI definitions (see k8s-models.ts), with
// ajv. One compiled validator per kind, built on first use, so commands that validate nothing
// never load ajv. ajv's errors go no further than this file: missing required fields become
// FieldIssues, unknown fields become kubectl's strict-decoding paths, and wrong types become
// the Go JSON decoder's "cannot unmarshal" messages (a decode error, not a FieldIssue).

import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { FieldIssue } from "./issues";
import { required } from "./issues";
import { goTypeOfModel, loadModel, rootModelName, structNameOfModel } from "./k8s-models";
import { isQuantityField, schemaFor } from "./json-schema";

interface SchemaResult {
  readonly required: FieldIssue[];
  readonly unknown: string[];
  readonly decode: string[];
}

const EMPTY: SchemaResult = { required: [], unknown: [], decode: [] };

let ajv: { compile(schema: object): ValidateFunction } | undefined;
const validators = new Map<string, ValidateFunction | undefined>();
const results = new WeakMap<object, SchemaResult>();

function validatorFor(info: ResourceInfo, apiVersion: string): { root: string; validate: ValidateFunction } | undefined {
  const slash = apiVersion.indexOf("/");
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const root = rootModelName(info, version || info.version) ?? rootModelName(info);
  if (!root) return undefined;
  if (!validators.has(root)) {
    if (!ajv) {
      const mod = createRequire(import.meta.url)("ajv");
      const Ajv = mod.default ?? mod;
      ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false }) as { compile(schema: object): ValidateFunction };
    }
    validators.set(root, ajv.compile(schemaFor(root)));
  }
  const validate = validators.get(root);
  return validate ? { root, validate } : undefined;
}

/** Go's decoder treats a JSON null as "absent" for every field kubesim validates. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = withoutNulls(v);
  return out;
}

/** "/spec/template/spec/containers/0/name" → ["spec", "template", "spec", "containers", 0, "name"]. */
function segmentsOf(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
}

/** kubectl's field path: dots between names, [i] for list indexes. */
export function fieldPath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const s of segments) out += typeof s === "number" ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/**
 * Position of each path in the order the API server decodes: kubectl sends JSON made from a
 * Go map, so each object's keys arrive sorted.
 */
function decodeOrder(value: unknown, prefix: (string | number)[] = [], out = new Map<string, number>()): Map<string, number> {
  out.set(fieldPath(prefix), out.size);
  if (Array.isArray(value)) value.forEach((v, i) => decodeOrder(v, [...prefix, i], out));
  else if (value !== null && typeof value === "object") {
    for (const k of Object.keys(value).sort()) decodeOrder((value as Record<string, unknown>)[k], [...prefix, k], out);
  }
  return out;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value === "object" ? "object" : typeof value;
}

/** The Go type a generator type decodes into: "int32", "[]v1.Container", "map[string]string". */
function goTypeOf(type: string, format: string, quantity: boolean): string {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return `[]${goTypeOf(array[1], format, quantity)}`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return `map[string]${goTypeOf(map[1], format, quantity)}`;
  if (quantity) return "resource.Quantity";
  switch (type) {
    case "string":
      return format === "byte" ? "[]uint8" : "string";
    case "number":
      return format === "int32" || format === "int64" ? format : "float64";
    case "boolean":
      return "bool";
    case "Date":
      return "v1.Time";
    case "IntOrString":
      return "intstr.IntOrString";
    default:
      return goTypeOfModel(type);
  }
}

/**
 * The message Go's JSON decoder gives for a value of the wrong type at segments, e.g.
 * "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32".
 */
function decodeError(root: string, segments: readonly (string | number)[], value: unknown): string {
  let struct = structNameOfModel(root);
  let type = root;
  let format = "";
  let quantity = false;
  const goPath: string[] = [];
  for (const seg of segments) {
    const array = /^Array<(.+)>$/.exec(type);
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (array) type = array[1];
    else if (map) type = map[1];
    else {
      const model = loadModel(type);
      const field = model?.fields.get(String(seg));
      if (!model || !field) break;
      struct = structNameOfModel(model.name);
      goPath.push(String(seg));
      quantity = isQuantityField(model.name, field.name);
      ({ type, format } = field);
    }
  }
  let what = jsonKind(value);
  // Go names the literal when a number does not fit the integer type.
  if (typeof value === "number" && (format === "int32" || format === "int64")) what = `number ${value}`;
  const goType = goTypeOf(type, format, quantity);
  if (goPath.length === 0) return `json: cannot unmarshal ${what} into Go value of type ${goType}`;
  return `json: cannot unmarshal ${what} into Go struct field ${struct}.${goPath.join(".")} of type ${goType}`;
}

function valueAt(data: unknown, segments: readonly (string | number)[]): unknown {
  let v = data as any;
  for (const s of segments) v = v?.[s];
  return v;
}

function run(obj: KubeObject, info: ResourceInfo): SchemaResult {
  const cached = results.get(obj);
  if (cached) return cached;
  const found = validatorFor(info, typeof obj.apiVersion === "string" ? obj.apiVersion : "");
  if (!found) return EMPTY;
  const data = withoutNulls(obj);
  found.validate(data);
  const order = decodeOrder(data);
  const byOrder = (a: string, b: string) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity);
  const unknown: string[] = [];
  const missing: string[] = [];
  const decode: { path: string; text: string }[] = [];
  for (const e of (found.validate.errors ?? []) as ErrorObject[]) {
    const segments = segmentsOf(e.instancePath);
    if (e.keyword === "additionalProperties") {
      unknown.push(fieldPath([...segments, (e.params as { additionalProperty: string }).additionalProperty]));
    } else if (e.keyword === "required") {
      missing.push(fieldPath([...segments, (e.params as { missingProperty: string }).missingProperty]));
    } else if (e.keyword === "type") {
      decode.push({ path: fieldPath(segments), text: decodeError(found.root, segments, valueAt(data, segments)) });
    }
  }
  const result: SchemaResult = {
    required: missing.map((p) => required(p)),
    unknown: [...new Set(unknown)].sort(byOrder),
    decode: decode.sort((a, b) => byOrder(a.path, b.path)).map((d) => d.text),
  };
  results.set(obj, result);
  return result;
}

/** Required fields the OpenAPI schema says are missing ("spec.selector: Required value"). */
export function validateSchema(obj: KubeObject, info: ResourceInfo): FieldIssue[] {
  return run(obj, info).required;
}

/** Paths of fields the schema does not define, for `strict decoding error: unknown field "spec.replica"`. */
export function unknownFields(obj: KubeObject, info: ResourceInfo): string[] {
  return run(obj, info).unknown;
}

/**
 * Go JSON decode errors for values of the wrong type, in decode order; the API server reports
 * the first as `<Kind> in version "v1" cannot be handled as a <Kind>: <error>`.
 */
export function decodeErrors(obj: KubeObject, info: ResourceInfo): string[] {
  return run(obj, info).decode;
}
