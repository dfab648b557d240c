// kubesim benchmarks (npm run bench; not part of npm test). Prints a table and writes
// bench/results/latest.json. Medians over repeated runs; each run of a short command follows a
// run of `node -e 0`, and its ratio is against those, so figures from different machines (or a
// machine whose speed drifts) compare by ratio. Peak memory is the
// largest resident set any run of that benchmark reached.
//
//   BENCH_PODS=100,1000,10000  the cluster sizes (default 100,1000,10000)
//   BENCH_RUNS=31              repeats of each short command (twice as many for start-up, 5 at
//                              10,000 pods); on a shared machine, medians of 15 pairs moved the
//                              start-up ratio anywhere from 0.82 to 1.59 (docs/performance-history.md)

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "bin/kubesim");
const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const SIZES = (process.env.BENCH_PODS ?? "100,1000,10000").split(",").map(Number);
const RSS_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-bench-rss-")), "rss");

/** Runs node with args; returns wall ms and the run's peak RSS in KiB. */
function run(args, env = {}) {
  fs.writeFileSync(RSS_FILE, "");
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, ...env, KUBESIM_BENCH_RSS: RSS_FILE, NODE_OPTIONS: `--require ${path.join(ROOT, "bench/peak-rss.cjs")}` },
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  const rssKiB = Math.max(0, ...fs.readFileSync(RSS_FILE, "utf8").split("\n").filter(Boolean).map(Number));
  return { ms, rssKiB, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Repeats a command, each run right after a run of `node -e 0`, so its ratio compares the two
 * at the same moment (a shared machine's speed drifts over a run); `before` restores what a run
 * changes (the state file).
 */
function bench(name, args, env, runs = RUNS, before = () => {}) {
  const baseline = [];
  const samples = Array.from({ length: runs }, () => (baseline.push(run(["-e", "0"], {}).ms), before(), run(args, env)));
  const medianMs = median(samples.map((s) => s.ms));
  return { name, medianMs, ratio: medianMs / median(baseline), runs, peakRssMiB: Math.max(...samples.map((s) => s.rssKiB)) / 1024 };
}

const kubesim = (state, tick, ...args) => run([BIN, ...args], { KUBESIM_STATE: state, KUBESIM_TICK: tick });

function deploymentManifest(replicas) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: bench
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: bench
  template:
    metadata:
      labels:
        app: bench
    spec:
      containers:
      - name: nginx
        image: nginx
`;
}

/** A state with `pods` running pods: one Deployment applied, then advanced until it is available. */
function settledCluster(pods) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-bench-"));
  const state = path.join(dir, "state.json");
  const manifest = path.join(dir, "bench.yaml");
  fs.writeFileSync(manifest, deploymentManifest(pods));
  const nodes = Math.max(3, Math.ceil(pods / 100) + 1);
  kubesim(state, "0", "sim", "reset", "--seed", "1", "--start", "2025-01-01T00:00:00Z", "--nodes", String(nodes));
  const apply = kubesim(state, "0", "apply", "-f", manifest);
  const rollout = kubesim(state, "0", "rollout", "status", "deployment/bench", "--timeout=30m");
  const notRunning = kubesim(state, "0", "get", "pods", "--field-selector=status.phase!=Running", "-o", "name").stdout;
  if (notRunning !== "") throw new Error(`not all ${pods} pods are Running after the rollout:\n${notRunning}`);
  return { state, dir, settle: { ms: apply.ms + rollout.ms, rssKiB: Math.max(apply.rssKiB, rollout.rssKiB) }, bytes: fs.statSync(state).size };
}

/** manifests/cronjob.yaml (the docs' hello CronJob) under another name. */
function cronJobManifest(name) {
  return fs.readFileSync(path.join(ROOT, "manifests/cronjob.yaml"), "utf8").replace(/^  name: hello$/m, `  name: ${name}`);
}

/**
 * A day of three every-minute CronJobs (the documentation's hello example): 4,320 Jobs, each
 * with its pod, history cleanup and Events. Timed over three runs from the same start.
 */
function cronJobDay() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-bench-"));
  const state = path.join(dir, "state.json");
  kubesim(state, "0", "sim", "reset", "--seed", "1", "--start", "2025-01-01T00:00:00Z");
  for (const name of ["hello", "report", "backup"]) {
    const manifest = path.join(dir, `${name}.yaml`);
    fs.writeFileSync(manifest, cronJobManifest(name));
    kubesim(state, "0", "apply", "-f", manifest);
  }
  const saved = fs.readFileSync(state);
  const runs = Array.from({ length: 3 }, () => {
    fs.writeFileSync(state, saved);
    return kubesim(state, "0", "sim", "advance", "24h");
  });
  const jobs = kubesim(state, "0", "get", "jobs", "-o", "name").stdout.trim().split("\n").length;
  if (jobs !== 9) throw new Error(`expected the 9 Jobs of the history limits after a day, found ${jobs}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    name: "sim advance 24h, three every-minute CronJobs",
    medianMs: median(runs.map((r) => r.ms)),
    runs: runs.length,
    peakRssMiB: Math.max(...runs.map((r) => r.rssKiB)) / 1024,
  };
}

const results = [];
const baseline = bench("node -e 0", ["-e", "0"], {});
results.push({ ...baseline, ratio: 1 });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-bench-"));
// Start-up's own cost is a tenth of a run, so the machine's noise weighs most here.
results.push(bench("start-up: kubesim version --client", [BIN, "version", "--client"], { KUBESIM_STATE: path.join(scratch, "s.json") }, 2 * RUNS));

for (const pods of SIZES) {
  const runs = pods >= 10000 ? Math.min(RUNS, 5) : RUNS;
  // The rollout is timed over five clusters (one at 10,000 pods, where it takes half a minute):
  // a median of five stands against two runs that meet a slow moment of a shared machine.
  const rollouts = Array.from({ length: pods >= 10000 ? 0 : 4 }, () => {
    const extra = settledCluster(pods);
    fs.rmSync(extra.dir, { recursive: true, force: true });
    return extra.settle;
  });
  const s = settledCluster(pods);
  const settles = [...rollouts, s.settle];
  const saved = fs.readFileSync(s.state);
  const restore = () => fs.writeFileSync(s.state, saved);
  const env = (tick) => ({ KUBESIM_STATE: s.state, KUBESIM_TICK: tick });
  results.push({
    name: `apply ${pods} replicas, advance until all Running`,
    medianMs: median(settles.map((r) => r.ms)),
    runs: settles.length,
    peakRssMiB: Math.max(...settles.map((r) => r.rssKiB)) / 1024,
  });
  results.push(bench(`get pods, ${pods} pods`, [BIN, "get", "pods"], env("0"), runs));
  results.push(bench(`get pods -A, ${pods} pods`, [BIN, "get", "pods", "-A"], env("0"), runs));
  results.push(bench(`one 5s tick (get ns), ${pods} pods`, [BIN, "get", "ns"], env("5s"), runs, restore));
  results.push({ name: `state bytes per pod, ${pods} pods`, value: Math.round(s.bytes / pods) });
  fs.rmSync(s.dir, { recursive: true, force: true });
}
results.push(cronJobDay());

const width = Math.max(...results.map((r) => r.name.length)) + 2;
console.log(`${"benchmark".padEnd(width)}${"median".padStart(12)}${"× node -e 0".padStart(14)}${"peak RSS".padStart(12)}`);
for (const r of results) {
  if (r.value !== undefined) console.log(`${r.name.padEnd(width)}${String(r.value).padStart(12)}`);
  else {
    const ms = r.medianMs >= 10000 ? `${(r.medianMs / 1000).toFixed(1)} s` : `${r.medianMs.toFixed(1)} ms`;
    const ratio = r.ratio ?? r.medianMs / baseline.medianMs;
    console.log(`${r.name.padEnd(width)}${ms.padStart(12)}${ratio.toFixed(2).padStart(14)}${`${r.peakRssMiB.toFixed(0)} MiB`.padStart(12)}`);
  }
}
fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "bench/results/latest.json"), `${JSON.stringify({ node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`);
