// The validators the build generates (dist/validators) must answer exactly as the ones
// openapi.ts compiles when kubesim runs from source: same verdicts, same errors.
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../src/api/validation/k8s-models";
import { modelSchema } from "../src/api/validation/json-schema";
import { AJV_OPTIONS } from "../src/api/validation/ajv-options";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default;
const prebuilt = (name: string) => require(path.join(import.meta.dirname, "../dist/validators", `${name}.cjs`)).default;

const cases = [
  { model: "V1Deployment", data: { apiVersion: "apps/v1", kind: "Deployment", metadata: {}, spec: {} } },
  { model: "V1Deployment", data: { apiVersion: 1, kind: "Deployment", extra: true } },
  { model: "V1DeploymentSpec", data: { replicas: "3", template: {}, selector: {} } },
  { model: "V1DeploymentSpec", data: { template: {} } },
  { model: "V1Container", data: { name: "c", image: "nginx", ports: [{ containerPort: "80" }], bogus: 1 } },
  { model: "V1ResourceRequirements", data: { limits: { cpu: 1, memory: "1Gi" }, requests: { cpu: [] } } },
  { model: "V1Secret", data: { data: { k: "aGk=" }, immutable: "yes" } },
];

describe("prebuilt schema validators", () => {
  it.each(cases)("$model answers as the compiled one: $data", ({ model, data }) => {
    const compiled = new Ajv(AJV_OPTIONS).compile(modelSchema(loadModel(model)!));
    const built = prebuilt(model);
    expect(built(structuredClone(data))).toBe(compiled(structuredClone(data)));
    expect(built.errors).toEqual(compiled.errors);
  });

  it("exist for every model a Deployment's manifest reaches", () => {
    for (const model of ["V1Deployment", "V1ObjectMeta", "V1DeploymentSpec", "V1PodTemplateSpec", "V1PodSpec", "V1Container", "V1LabelSelector"]) {
      expect(typeof prebuilt(model)).toBe("function");
    }
  });
});
