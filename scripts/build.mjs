// Bundles src/main.ts into dist/ with esbuild. Verbs are split into their own chunks
// (dynamic import), so start-up loads only the launcher and the verb that runs.
import { build } from "esbuild";

import { rmSync } from "node:fs";

// Stale chunks from earlier builds would pile up beside the new ones.
rmSync("dist", { recursive: true, force: true });

await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
  // CommonJS dependencies bundled into ESM need a require() of their own.
  banner: { js: "import { createRequire as __ksCreateRequire } from 'node:module'; const require = __ksCreateRequire(import.meta.url);" },
});
