// Bundles src/main.ts into dist/ with esbuild. Verbs are split into their own chunks
// (dynamic import), so start-up loads only the launcher and the verb that runs.
import { build, transform } from "esbuild";

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

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
  plugins: [builtinsByRequire],
  write: false,
});
const metaUrl = 'var __ksImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };\n';

/**
 * Chunks require each other through this loader, put at the top of main.js, rather than through
 * Node's: Node resolves every path (stat, realpath, the package scope) before reading the file,
 * about 0.3 ms a chunk on this machine, and a `get` loads some 40 chunks. Every chunk is a
 * file beside main.js, named by esbuild; node: built-ins still go through `require`.
 */
const chunkLoader = `var __ksChunks = new Map();
function __ksRequire(name) {
  let module = __ksChunks.get(name);
  if (module) return module.exports;
  module = { exports: {} };
  __ksChunks.set(name, module);
  const file = __dirname + "/" + name;
  const params = ["exports", "require", "module", "__filename", "__dirname", "__ksRequire"];
  const body = require("node:vm").compileFunction(require("node:fs").readFileSync(file, "utf8"), params, { filename: file });
  body.call(module.exports, module.exports, require, module, file, __dirname, __ksRequire);
  return module.exports;
}
`;

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
  const linked = code.replace(/\brequire\("\.\/([\w-]+\.js)"\)/g, '__ksRequire("$1")');
  const prelude = (code.includes("__ksImportMeta") ? metaUrl : "") + (path.basename(chunk.path) === "main.js" ? chunkLoader : "");
  mkdirSync(path.dirname(chunk.path), { recursive: true });
  writeFileSync(chunk.path, prelude + linked);
}

// Each schema model's ajv validator, generated now rather than compiled by every command that
// writes (scripts/schema-validators.ts). The generator is bundled beside dist so that it
// resolves ajv and the client-node models from this project's node_modules.
const generator = "dist/.schema-validators.mjs";
await build({ entryPoints: ["scripts/schema-validators.ts"], outfile: generator, bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", logLevel: "warning" });
const { writeValidators } = await import(pathToFileURL(generator).href);
writeValidators("dist/validators");
rmSync(generator);
