// kubesim benchmarks (npm run bench; not part of npm test). Prints a table and writes
// bench/results/latest.json. Medians over repeated runs; ratios against `node -e 0` measured in
// the same run, so numbers from different machines compare by ratio.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "bin/kubesim");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function timeOnce(args, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(name, args, env, runs = RUNS) {
  const times = Array.from({ length: runs }, () => timeOnce(args, env));
  return { name, medianMs: median(times), runs };
}

function kubesim(state, ...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, KUBESIM_STATE: state, KUBESIM_TICK: "0" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`kubesim ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** A state with `pods` running pods: one Deployment with that many replicas, settled. */
function stateWithPods(pods) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-bench-"));
  const state = path.join(dir, "state.json");
  const nodes = Math.max(3, Math.ceil(pods / 100) + 1);
  kubesim(state, "sim", "reset", "--seed", "1", "--start", "2025-01-01T00:00:00Z", "--nodes", String(nodes));
  const start = process.hrtime.bigint();
  kubesim(state, "create", "deployment", "bench", "--image=nginx", `--replicas=${pods}`);
  kubesim(state, "sim", "advance", "2m");
  const settleMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { state, dir, settleMs, bytes: fs.statSync(state).size };
}

const results = [];
const baseline = bench("node -e 0", ["-e", "0"], {});
results.push(baseline);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-bench-"));
results.push(bench("kubesim version --client", [BIN, "version", "--client"], { KUBESIM_STATE: path.join(dir, "s.json") }));

for (const pods of (process.env.BENCH_PODS ?? "100,1000").split(",").map(Number)) {
  const s = stateWithPods(pods);
  results.push({ name: `create + advance to Running, ${pods} pods`, medianMs: s.settleMs, runs: 1 });
  results.push(bench(`get pods, ${pods} pods`, [BIN, "get", "pods"], { KUBESIM_STATE: s.state, KUBESIM_TICK: "0" }, 5));
  results.push(bench(`one 5s tick (get ns), ${pods} pods`, [BIN, "get", "ns"], { KUBESIM_STATE: s.state, KUBESIM_TICK: "5s" }, 5));
  results.push({ name: `state bytes per pod, ${pods} pods`, value: Math.round(s.bytes / pods) });
  fs.rmSync(s.dir, { recursive: true, force: true });
}

const width = Math.max(...results.map((r) => r.name.length)) + 2;
console.log(`${"benchmark".padEnd(width)}${"median".padStart(12)}${"× node -e 0".padStart(14)}`);
for (const r of results) {
  if (r.value !== undefined) console.log(`${r.name.padEnd(width)}${String(r.value).padStart(12)}`);
  else console.log(`${r.name.padEnd(width)}${(r.medianMs.toFixed(1) + " ms").padStart(12)}${(r.medianMs / baseline.medianMs).toFixed(2).padStart(14)}`);
}
fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "bench/results/latest.json"), JSON.stringify({ node: process.version, results }, null, 2) + "\n");
