// Turns the client-node models reachable from one root into a JSON Schema for ajv: every
// object closed (additionalProperties: false, so unknown fields surface as they do in the API
// server's strict decoding), Go's scalar types, and the OpenAPI required lists.

import type { Model, ModelField } from "./k8s-models";
import { loadModel, referencedModels } from "./k8s-models";

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

/** The schema of one field type; model references become $refs into definitions. */
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
      return loadModel(type) ? { $ref: `#/definitions/${type}` } : {};
  }
}

function modelSchema(model: Model): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const f of model.fields.values()) {
    properties[f.name] = typeSchema(f.type, f.format, isQuantityField(model.name, f.name));
    if (f.required) required.push(f.name);
  }
  return { type: "object", properties, additionalProperties: false, ...(required.length ? { required } : {}) };
}

/** A self-contained schema for root and every model it reaches. */
export function schemaFor(root: string): Schema {
  const definitions: Record<string, Schema> = {};
  const queue = [root];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (definitions[name]) continue;
    const model = loadModel(name);
    if (!model) continue;
    definitions[name] = modelSchema(model);
    for (const f of model.fields.values() as Iterable<ModelField>) {
      for (const ref of referencedModels(f.type)) if (!definitions[ref]) queue.push(ref);
    }
  }
  return { $ref: `#/definitions/${root}`, definitions };
}
