// Turns one client-node model into a JSON Schema for ajv: the object closed
// (additionalProperties: false, so unknown fields surface as in the API server's strict
// decoding), Go's scalar types, and the OpenAPI required list. Schemas stay one level deep so
// that only the definitions a manifest actually uses are ever compiled.

import type { Model, ModelField } from "./k8s-models";
import { loadModel } from "./k8s-models";

type Schema = Record<string, unknown>;

/**
 * resource.Quantity fields: the generator flattens Quantity to string, but the API server
 * also accepts a JSON number ("cpu: 1").
 */
const QUANTITY_FIELDS = new Set([
  "V1ResourceRequirements.limits",
  "V1ResourceRequirements.requests",
  "V1VolumeResourceRequirements.limits",
  "V1VolumeResourceRequirements.requests",
  "V1ResourceQuotaSpec.hard",
  "V1ResourceQuotaStatus.hard",
  "V1ResourceQuotaStatus.used",
  "V1NodeStatus.capacity",
  "V1NodeStatus.allocatable",
  "V1LimitRangeItem.default",
  "V1LimitRangeItem.defaultRequest",
  "V1LimitRangeItem.max",
  "V1LimitRangeItem.min",
  "V1LimitRangeItem.maxLimitRequestRatio",
  "V1PersistentVolumeSpec.capacity",
  "V1PersistentVolumeClaimStatus.capacity",
  "V1PersistentVolumeClaimStatus.allocatedResources",
  "V1PodSpec.overhead",
  "V1Overhead.podFixed",
  "V1ResourceFieldSelector.divisor",
  "V1EmptyDirVolumeSource.sizeLimit",
  "V1CSIStorageCapacity.capacity",
  "V1CSIStorageCapacity.maximumVolumeSize",
  "V1ContainerStatus.allocatedResources",
  "V2MetricTarget.averageValue",
  "V2MetricTarget.value",
  "V2MetricValueStatus.averageValue",
  "V2MetricValueStatus.value",
]);

export function isQuantityField(model: string, field: string): boolean {
  return QUANTITY_FIELDS.has(`${model}.${field}`);
}

/**
 * The schema of one field type. A reference to another model is checked here only as "an
 * object"; the caller validates the nested object against that model's own schema.
 */
export function typeSchema(type: string, format: string, quantity: boolean): Schema {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: "array", items: typeSchema(array[1], format, quantity) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: "object", additionalProperties: typeSchema(map[1], format, quantity) };
  switch (type) {
    case "string":
      return quantity ? { type: ["string", "number"] } : { type: "string" };
    case "number":
      return format === "int32" || format === "int64" ? { type: "integer" } : { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "Date":
      return { type: "string" };
    case "IntOrString":
      return { type: ["string", "integer"] };
    case "any":
      return {};
    default:
      return loadModel(type) ? { type: "object" } : {};
  }
}

/**
 * One model's own level: its fields' types, its required fields, and no other fields (the
 * API server's strict decoding reports those as unknown).
 */
export function modelSchema(model: Model): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const f of model.fields.values()) {
    properties[f.name] = typeSchema(f.type, f.format, isQuantityField(model.name, f.name));
    if (f.required) required.push(f.name);
  }
  return { type: "object", properties, additionalProperties: false, ...(required.length ? { required } : {}) };
}

/** Where a field's value holds objects of another model: the model, and how they are held. */
export function nestedModel(field: ModelField): { model: string; holder: "value" | "array" | "map" } | undefined {
  const array = /^Array<(.+)>$/.exec(field.type);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(field.type);
  const inner = array?.[1] ?? map?.[1] ?? field.type;
  if (!loadModel(inner)) return undefined;
  return { model: inner, holder: array ? "array" : map ? "map" : "value" };
}
