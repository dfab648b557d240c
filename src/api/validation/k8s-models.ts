// The Kubernetes v1.32 OpenAPI definitions as @kubernetes/client-node 1.1.2 ships them: one
// generated model per definition, whose attributeTypeMap (a JSON literal in the .js file)
// lists every field with its type and format, and whose .d.ts marks the required fields (no
// "?"). We read the files as data rather than importing the client, which would load its HTTP
// stack: only the models a kind reaches are read, once, on first use.

import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ResourceInfo } from "../registry";

export interface ModelField {
  /** The JSON name ("continue", not the generator's "_continue"). */
  readonly name: string;
  /** The generator's TypeScript type: "string", "Array<V1Container>", "{ [key: string]: string; }", ... */
  readonly type: string;
  /** "int32", "int64", "double", "date-time", "int-or-string", "byte" or "". */
  readonly format: string;
  readonly required: boolean;
}

export interface Model {
  /** The generator's class name, e.g. "V1DeploymentSpec". */
  readonly name: string;
  readonly fields: ReadonlyMap<string, ModelField>;
}

interface RawAttribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

let modelsDir: string | undefined;
const cache = new Map<string, Model | undefined>();

function dir(): string {
  if (modelsDir === undefined) {
    const pkg = createRequire(import.meta.url).resolve("@kubernetes/client-node/package.json");
    modelsDir = join(dirname(pkg), "dist", "gen", "models");
  }
  return modelsDir;
}

/** The model named name, or undefined when the package has no such definition. */
export function loadModel(name: string): Model | undefined {
  if (cache.has(name)) return cache.get(name);
  const model = readModel(name);
  cache.set(name, model);
  return model;
}

function readModel(name: string): Model | undefined {
  const js = join(dir(), `${name}.js`);
  if (!/^[A-Za-z0-9]+$/.test(name) || !existsSync(js)) return undefined;
  const source = readFileSync(js, "utf8");
  const match = /\.attributeTypeMap = (\[[\s\S]*?\]);/.exec(source);
  const attributes: RawAttribute[] = match ? JSON.parse(match[1]) : [];
  const optional = readOptional(join(dir(), `${name}.d.ts`));
  const fields = new Map<string, ModelField>();
  for (const a of attributes) {
    fields.set(a.baseName, { name: a.baseName, type: a.type, format: a.format, required: !optional.has(a.name) });
  }
  return { name, fields };
}

/** Property names declared optional ("'x'?:") in the model's declaration file. */
function readOptional(dts: string): Set<string> {
  const optional = new Set<string>();
  const text = existsSync(dts) ? readFileSync(dts, "utf8") : "";
  for (const m of text.matchAll(/^\s+'([^']+)'(\??):/gm)) if (m[2] === "?") optional.add(m[1]);
  return optional;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The root model of a resource: "V1Deployment", "V2HorizontalPodAutoscaler", "CoreV1Event". */
export function rootModelName(info: ResourceInfo, version = info.version): string | undefined {
  const groupPrefix = capitalize((info.group || "core").split(".")[0]);
  const candidates = [`${groupPrefix}${capitalize(version)}${info.kind}`, `${capitalize(version)}${info.kind}`];
  return candidates.find((c) => loadModel(c) !== undefined);
}

/** "V1PodTemplateSpec" → "v1.PodTemplateSpec" (Go's reflect type name). */
export function goTypeOfModel(name: string): string {
  const m = /^(?:[A-Z][a-z]+)?(V[0-9]+(?:alpha[0-9]+|beta[0-9]+)?)(.*)$/.exec(name);
  return m ? `${m[1].toLowerCase()}.${m[2]}` : name;
}

/** "V1DeploymentSpec" → "DeploymentSpec" (the struct named in "Go struct field ..."). */
export function structNameOfModel(name: string): string {
  const go = goTypeOfModel(name);
  return go.slice(go.indexOf(".") + 1);
}
