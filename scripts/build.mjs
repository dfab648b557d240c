// Bundles src/main.ts into dist/ with esbuild. Verbs are split into their own chunks
// (dynamic import), so start-up loads only the launcher and the verb that runs.
import { build, transform } from "esbuild";

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

// Stale chunks from earlier builds would pile up beside the new ones.
rmSync("dist", { recursive: true, force: true });

/**
 * Node's built-in modules are require()d, not imported: importing one as an ES module builds a
 * facade that reads every export, and reading fs.ReadStream loads the whole stream stack
 * (about 6 ms of every start-up). commander's child_process (only for external subcommands,
 * which kubesim has none of) is required on first use rather than at start-up (about 5 ms).
 */
const builtinsByRequire = {
  name: "builtins-by-require",
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => args.namespace !== "file" ? { path: args.path, external: true } : ({
      path: args.path,
      namespace: args.path === "node:child_process" && args.importer.includes("/node_modules/commander/") ? "lazy-builtin" : "builtin",
    }));
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require(${JSON.stringify(args.path)}))[k] });`,
      loader: "js",
    }));
  },
};

/**
 * Packages too big to load through Node's loader on every use get a chunk of their own, which
 * the chunk loader compiles from the trained code cache like the others: mvdan-sh, the shell
 * parser (1.5 MB; about 130 ms to load without the cache, 60 ms with it). The module that
 * requires it is replaced by one that loads that chunk.
 */
const VENDOR_CHUNKS = [{ module: "mvdan-sh", chunk: "vendor-mvdan-sh.js", replaces: /src\/runtime\/shell\/mvdan-sh\.ts$/, exportName: "requireMvdanSh" }];
const vendorChunks = {
  name: "vendor-chunks",
  setup(b) {
    for (const v of VENDOR_CHUNKS) {
      b.onLoad({ filter: v.replaces }, () => ({ contents: `export const ${v.exportName} = () => __ksRequire(${JSON.stringify(v.chunk)});`, loader: "js" }));
    }
  },
};

/**
 * The chunks are split as ES modules (esbuild splits only those), then each is turned into
 * CommonJS, its `import()` into `require()`: Node's ES module loader resolves URLs and reads
 * files asynchronously, which cost about 20 ms of every start-up against its CommonJS loader.
 * `import.meta.url` becomes the chunk's own file URL, computed where it is used.
 */
const split = await build({
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
  plugins: [builtinsByRequire, vendorChunks],
  write: false,
});
const metaUrl = 'var __ksImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };\n';

/**
 * Chunks require each other through this loader, put at the top of main.js, rather than through
 * Node's: Node resolves every path (stat, realpath, the package scope) before reading the file,
 * about 0.3 ms a chunk on this machine, and a `get` loads some 40 chunks. Every chunk is a
 * file beside main.js, named by esbuild; node: built-ins still go through `require`.
 *
 * A chunk's file holds its code wrapped in the function the loader calls (CHUNK_WRAPPER), so the
 * loader compiles the text as read: wrapping it at load made a second copy of every chunk's
 * text, which the young generation then had to carry.
 *
 * Each chunk is compiled with V8's code cache from dist/code-cache when there is one: the
 * bytecode of the functions that commands ran when the build trained them (below), so a
 * command compiles only what the training did not run. V8 refuses a cache made by another
 * V8 or with other flags, and then the chunk is compiled as usual. A long `sim advance` changes
 * V8's flags (src/cli/jit-tuning.ts), so a chunk it loads afterwards (the shell parser) takes
 * its cache from dist/code-cache/tuned, trained under those flags.
 */
const CHUNK_WRAPPER = ["(function () { return function (exports, require, module, __filename, __dirname, __ksRequire) {", "\n}; })()\n"];
const chunkLoader = `var __ksChunks = new Map();
var __ksCompiled = [];
function __ksRequire(name) {
  let module = __ksChunks.get(name);
  if (module) return module.exports;
  module = { exports: {} };
  __ksChunks.set(name, module);
  const fs = require("node:fs");
  const file = __dirname + "/" + name;
  const tuned = globalThis[Symbol.for("kubesim.tunedV8")] === true;
  const cacheFile = __dirname + (tuned ? "/code-cache/tuned/" : "/code-cache/") + name.slice(0, -3) + ".bin";
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {}
  const script = new (require("node:vm").Script)(fs.readFileSync(file, "utf8"), { filename: file, cachedData });
  const training = process.env.KUBESIM_TRAIN_CODE_CACHE;
  if (training === "1" || (training === "tuned" && tuned)) __ksCompiled.push([script, cacheFile]);
  script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname, __ksRequire);
  return module.exports;
}
if (process.env.KUBESIM_TRAIN_CODE_CACHE) {
  process.on("exit", () => {
    for (const [script, cacheFile] of __ksCompiled) {
      require("node:fs").mkdirSync(require("node:path").dirname(cacheFile), { recursive: true });
      require("node:fs").writeFileSync(cacheFile, script.createCachedData());
    }
  });
}
`;

/**
 * A chunk's exports become plain values once the chunk has run. esbuild's CommonJS form exports
 * each binding through a getter (two: __toCommonJS's copy of __export's), and every call into
 * another chunk ran them, about 2% of a rollout. The copy's getters are made configurable, and
 * a line at the chunk's end turns them into values; while the chunk runs (another chunk it
 * requires may require it back), the getters still answer. Values are final only because no
 * module reassigns an export after it ran: the build refuses `export let` and `export var`.
 */
const COPIED_GETTER = "enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });";
const EXPORTS_AS_VALUES =
  "\nfor (const __ksKey of Object.keys(module.exports)) __defProp(module.exports, __ksKey, { value: module.exports[__ksKey], enumerable: true });\n";

function exportsAsValues(code, name) {
  if (!code.includes("module.exports = __toCommonJS(")) return code;
  if (!code.includes(COPIED_GETTER)) throw new Error(`build: ${name}: esbuild's __copyProps is not as expected; see exportsAsValues in scripts/build.mjs`);
  return code.replace(COPIED_GETTER, COPIED_GETTER.replace(" });", ", configurable: true });")) + EXPORTS_AS_VALUES;
}

/**
 * `import * as fs from "node:fs"` becomes the module itself. esbuild wraps a bundled CommonJS
 * module for each importing file (__toESM): a new object with a getter per export, about a
 * hundred for node:fs, a dozen times over in every command. The namespace and the module read
 * the same, as long as nothing asks for a default export: the build refuses default imports of
 * built-ins (refuseBuiltinDefaultImports).
 */
const BUILTIN_NAMESPACE = /\(0, import_chunk_\w+\.__toESM\)\(((?:\(0, import_chunk_\w+\.)?require_node_\w+\)?\(\)), 1\)/g;

function builtinNamespaces(code, name) {
  const out = code.replace(BUILTIN_NAMESPACE, "$1");
  if (/__toESM\)?\((?:\(0, )?(?:import_chunk_\w+\.)?require_node_/.test(out)) throw new Error(`build: ${name}: a built-in module is still wrapped by __toESM; see builtinNamespaces in scripts/build.mjs`);
  return out;
}

function refuseBuiltinDefaultImports(dir) {
  for (const file of sourceFiles(dir)) {
    if (/^import\s+(?!type\b)\w+\s*(,|from)\s*[^;]*"node:/m.test(readFileSync(file, "utf8"))) throw new Error(`build: ${file} imports a built-in's default export; use import * as (see builtinNamespaces)`);
  }
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function refuseReassignableExports(dir) {
  for (const file of sourceFiles(dir)) {
    if (/^export\s+(let|var)\b/m.test(readFileSync(file, "utf8"))) throw new Error(`build: ${file} exports a let or var; the bundle freezes exports (see exportsAsValues)`);
  }
}
refuseReassignableExports("src");
refuseBuiltinDefaultImports("src");

mkdirSync("dist", { recursive: true });
writeFileSync("dist/package.json", '{ "type": "commonjs" }\n');
for (const chunk of split.outputFiles) {
  const { code } = await transform(chunk.text, {
    format: "cjs",
    platform: "node",
    target: "node20",
    supported: { "dynamic-import": false },
    define: { "import.meta.url": "__ksImportMeta.url" },
    logLevel: "warning",
  });
  const linked = exportsAsValues(builtinNamespaces(code, chunk.path).replace(/\brequire\("\.\/([\w-]+\.js)"\)/g, '__ksRequire("$1")'), chunk.path);
  const isMain = path.basename(chunk.path) === "main.js";
  const prelude = (code.includes("__ksImportMeta") ? metaUrl : "") + (isMain ? chunkLoader : "");
  mkdirSync(path.dirname(chunk.path), { recursive: true });
  writeFileSync(chunk.path, isMain ? prelude + linked : CHUNK_WRAPPER[0] + prelude + linked + CHUNK_WRAPPER[1]);
}

for (const v of VENDOR_CHUNKS) {
  const source = readFileSync(createRequire(import.meta.url).resolve(v.module), "utf8");
  writeFileSync(path.join("dist", v.chunk), CHUNK_WRAPPER[0] + source + CHUNK_WRAPPER[1]);
}

// Each schema model's ajv validator, generated now rather than compiled by every command that
// writes (scripts/schema-validators.ts). The generator is bundled beside dist so that it
// resolves ajv and the client-node models from this project's node_modules.
const generator = "dist/.schema-validators.mjs";
await build({ entryPoints: ["scripts/schema-validators.ts"], outfile: generator, bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", logLevel: "warning" });
const { writeValidators } = await import(pathToFileURL(generator).href);
writeValidators("dist/validators");
rmSync(generator);

/**
 * Trains the code cache: runs the commands people and the benchmarks run most, each writing
 * the bytecode of every chunk it loaded (what earlier runs cached, and what it compiled) to
 * dist/code-cache. About 4 s of the build.
 */
function trainCodeCache() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kubesim-train-"));
  const manifest = path.join(dir, "web.yaml");
  writeFileSync(
    manifest,
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 20\n  selector:\n    matchLabels:\n      app: web\n" +
      "  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n",
  );
  // A Job whose container runs a shell script: the shell interpreter's parser is compiled too.
  const job = path.join(dir, "job.yaml");
  writeFileSync(
    job,
    "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n      - name: hello\n" +
      "        image: busybox:1.28\n        command: [/bin/sh, -c, date; echo Hello from the Kubernetes cluster]\n      restartPolicy: OnFailure\n",
  );
  const env = { ...process.env, KUBESIM_STATE: path.join(dir, "state.json"), KUBESIM_TICK: "0", KUBESIM_TRAIN_CODE_CACHE: "1" };
  const commands = [
    ["version", "--client"],
    ["sim", "reset", "--seed", "1", "--start", "2025-01-01T00:00:00Z"],
    ["apply", "-f", manifest],
    ["rollout", "status", "deployment/web", "--timeout=10m"],
    ["get", "pods"],
    ["get", "pods", "-A", "-o", "wide"],
    ["get", "deployments", "-o", "yaml"],
    ["describe", "deployment", "web"],
    ["logs", "deployment/web"],
    ["scale", "deployment/web", "--replicas=3"],
    ["apply", "-f", job],
    ["sim", "advance", "1m"],
    ["logs", "job/hello"],
    ["apply", "-f", "manifests/cronjob.yaml"],
    ["sim", "advance", "2m"],
  ];
  for (const args of commands) train(args, env);
  // An hour's advance tunes V8 before its first shell starts: the shell parser's cache under those flags.
  train(["sim", "advance", "1h"], { ...env, KUBESIM_TRAIN_CODE_CACHE: "tuned" });
  if (!existsSync("dist/code-cache/tuned/vendor-mvdan-sh.bin")) throw new Error("training the code cache: the tuned run did not load the shell parser");
  rmSync(dir, { recursive: true, force: true });
}
function train(args, env) {
  const r = spawnSync(process.execPath, ["dist/main.js", ...args], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`training the code cache: kubesim ${args.join(" ")} failed: ${r.stderr}`);
}
trainCodeCache();
