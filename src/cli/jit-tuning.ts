// V8 tuning for a command about to simulate a long stretch: a `sim advance` of an hour or more
// with something due in it. Such a run spends its first seconds in code V8 has not optimized
// yet: by default a function is optimized only after much of its bytecode has run (the
// interrupt budget), and with deep inlining, so each optimization compiles slowly. Optimizing
// sooner, with less inlining, made the CronJob day's main-thread work about a tenth smaller
// (README, Performance).
//
// Flags are set just before the advance, once the command's code is loaded: V8 checks each
// code cache against the flags it was made under, so a chunk loaded afterwards (the shell
// parser, when the first shell starts) is compiled without its cache. Results do not change:
// only how V8 compiles them. (Node warns that a flag changed while V8 runs may do nothing, or
// worse; these two are read each time V8 decides to optimize a function and each time it
// inlines, which is why they take effect mid-run.)

import type { Duration } from "../sim/time";

/** From an hour of simulated time on, the seconds of warm-up saved outweigh a chunk compiled afresh. */
const LONG_RUN: Duration = (60 * 60 * 1000) as Duration;

/** Optimize after a quarter of the default budget (67,584), inlining up to 200 bytes of bytecode (default 920). */
export const LONG_RUN_V8_FLAGS = "--interrupt-budget=16896 --max-inlined-bytecode-size-cumulative=200";

let tuned = false;

/** Tunes V8 for a run of `by` of simulated time; once per process, and never while the build trains the code cache. */
export function tuneJitFor(by: Duration): void {
  // A cache written at the end of a training run would carry these flags, and every later
  // command would refuse it (scripts/build.mjs trainCodeCache).
  if (tuned || by < LONG_RUN || process.env.KUBESIM_TRAIN_CODE_CACHE === "1") return;
  // process.getBuiltinModule came with Node 20.16; before it, the run goes untuned.
  const v8 = process.getBuiltinModule?.("node:v8") as typeof import("node:v8") | undefined;
  v8?.setFlagsFromString(LONG_RUN_V8_FLAGS);
  tuned = true;
}
