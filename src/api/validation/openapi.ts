// Schema validation against the Kubernetes v1.32 OpenAPI definitions (see k8s-models.ts), with
// ajv. One validator per definition, generated at build time (dist/validators), or compiled
// the first time a manifest uses it when kubesim runs from source (a Deployment touches about
// ten of the hundred definitions its schema reaches). ajv's errors go no further than this file: missing required fields become
// FieldIssues, unknown fields become kubectl's strict-decoding paths, and wrong types become
// the Go JSON decoder's "cannot unmarshal" messages (a decode error, not a FieldIssue).

import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { FieldIssue } from "./issues";
import { required } from "./issues";
import type { Model } from "./k8s-models";
import { goTypeOfModel, loadModel, rootModelName, structNameOfModel } from "./k8s-models";
import { isQuantityField, modelSchema, nestedModel } from "./json-schema";
import { goBase64Error } from "./go-base64";
import { AJV_OPTIONS } from "./ajv-options";

interface SchemaResult {
  readonly required: FieldIssue[];
  readonly unknown: string[];
  readonly decode: string[];
}

const EMPTY: SchemaResult = { required: [], unknown: [], decode: [] };

type Ajv = { compile(schema: object): ValidateFunction };
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
const results = new WeakMap<object, SchemaResult>();

/**
 * A built kubesim has each model's validator generated beside its code (dist/validators, made
 * by scripts/schema-validators.ts): compiling one here costs ajv's load and code generation,
 * 150 ms for a Deployment. Run from source, there is no such folder, and the model compiles.
 */
let prebuilt: string | undefined | null = null;

function prebuiltValidator(model: Model): ValidateFunction | undefined {
  if (prebuilt === null) {
    const dir = fileURLToPath(new URL("./validators/", import.meta.url));
    prebuilt = existsSync(dir) ? dir : undefined;
  }
  if (prebuilt === undefined) return undefined;
  try {
    return createRequire(import.meta.url)(`${prebuilt}${model.name}.cjs`).default as ValidateFunction;
  } catch {
    return undefined;
  }
}

/** ajv itself is loaded only when a model has no prebuilt validator, keeping it off the start-up path. */
function compiledModel(model: Model): ValidateFunction {
  let validate = validators.get(model.name);
  if (!validate) {
    validate = prebuiltValidator(model);
    if (!validate) {
      if (!ajv) {
        const mod = createRequire(import.meta.url)("ajv");
        const Ajv = mod.default ?? mod;
        ajv = new Ajv(AJV_OPTIONS) as Ajv;
      }
      validate = ajv.compile(modelSchema(model));
    }
    validators.set(model.name, validate);
  }
  return validate;
}

interface LocatedError {
  readonly segments: (string | number)[];
  readonly error: ErrorObject;
}

/** Validates data against model, then each nested object against its own model. */
function validateModel(data: unknown, model: Model, at: (string | number)[], out: LocatedError[]): void {
  const validate = compiledModel(model);
  if (!validate(data)) {
    for (const error of validate.errors ?? []) out.push({ segments: [...at, ...segmentsOf(error.instancePath)], error });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return;
  for (const [key, value] of Object.entries(data)) {
    const field = model.fields.get(key);
    if (field?.format === "byte") base64Errors(value, [...at, key], out);
    const nested = field && nestedModel(field);
    if (!nested) continue;
    const inner = loadModel(nested.model)!;
    const visit = (v: unknown, seg: (string | number)[]) => {
      if (v !== null && typeof v === "object" && !Array.isArray(v)) validateModel(v, inner, seg, out);
    };
    if (nested.holder === "value") visit(value, [...at, key]);
    else if (nested.holder === "array" && Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, key, i]));
    else if (nested.holder === "map" && value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, [...at, key, k]);
    }
  }
}

/** A []byte field (or map of them) holds base64 text; Go's decoder reports the first bad one. */
function base64Errors(value: unknown, at: (string | number)[], out: LocatedError[]): void {
  const check = (v: unknown, seg: (string | number)[]) => {
    const message = typeof v === "string" ? goBase64Error(v) : undefined;
    if (message) out.push({ segments: seg, error: { keyword: "base64", message, instancePath: "", schemaPath: "", params: {} } });
  };
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) check(v, [...at, k]);
  } else check(value, at);
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
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  const version = apiVersion.slice(apiVersion.indexOf("/") + 1) || info.version;
  const root = rootModelName(info, version) ?? rootModelName(info);
  const rootModel = root ? loadModel(root) : undefined;
  if (!root || !rootModel) return EMPTY;
  const data = withoutNulls(obj);
  const located: LocatedError[] = [];
  validateModel(data, rootModel, [], located);
  const order = decodeOrder(data);
  const byOrder = (a: string, b: string) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity);
  const unknown: string[] = [];
  const missing: string[] = [];
  const decode: { path: string; text: string }[] = [];
  for (const { segments, error } of located) {
    if (error.keyword === "additionalProperties") {
      unknown.push(fieldPath([...segments, (error.params as { additionalProperty: string }).additionalProperty]));
    } else if (error.keyword === "required") {
      const path = fieldPath([...segments, (error.params as { missingProperty: string }).missingProperty]);
      if (!SERVER_OPTIONAL.has(`${info.kind}.${path.replace(/\[\d+\]/g, "[]")}`)) missing.push(path);
    } else if (error.keyword === "base64") {
      decode.push({ path: fieldPath(segments), text: error.message! });
    } else if (error.keyword === "type") {
      decode.push({ path: fieldPath(segments), text: decodeError(root, segments, valueAt(data, segments)) });
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

/**
 * Fields the schema lists as required (Go fields without omitempty) that the API server's own
 * validation lets be empty (list indexes written `[]`): a placeholder EndpointSlice is stored
 * with `endpoints: null`; a Service port without `port` decodes as 0 and only gets
 * validateServicePort's "Invalid value: 0".
 */
const SERVER_OPTIONAL = new Set(["EndpointSlice.endpoints", "Service.spec.ports[].port"]);

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
