// Preloaded into benchmarked commands (NODE_OPTIONS=--require): appends the process's peak
// resident memory, in KiB, to $KUBESIM_BENCH_RSS when it exits.
const fs = require("node:fs");
process.on("exit", () => {
  if (process.env.KUBESIM_BENCH_RSS) fs.appendFileSync(process.env.KUBESIM_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
