// Writes one ajv validator per client-node model into dist/validators/<Model>.cjs, as ajv's
// standalone code (run by scripts/build.mjs). Compiling a model's schema at run time costs
// ajv's load (about 40 ms) and its code generation (a Deployment's ten models: about 110 ms),
// on every command that writes; the generated modules load in a fraction of a millisecond each.
// The schemas and ajv options are the very ones api/validation/openapi.ts would compile with.

import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadModel } from "../src/api/validation/k8s-models";
import { modelSchema } from "../src/api/validation/json-schema";
import { AJV_OPTIONS } from "../src/api/validation/ajv-options";

export function writeValidators(outDir: string): number {
  const require = createRequire(import.meta.url);
  const Ajv = require("ajv").default;
  const standaloneCode = require("ajv/dist/standalone").default;
  const models = join(dirname(require.resolve("@kubernetes/client-node/package.json")), "dist", "gen", "models");
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  for (const file of readdirSync(models)) {
    const model = file.endsWith(".js") ? loadModel(file.slice(0, -3)) : undefined;
    if (!model) continue;
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
    const validate = ajv.compile(modelSchema(model));
    writeFileSync(join(outDir, `${model.name}.cjs`), standaloneCode(ajv, validate));
    written++;
  }
  return written;
}
