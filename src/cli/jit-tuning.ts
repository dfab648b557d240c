// V8 tuning for a command about to simulate a long stretch: a `sim advance` of an hour or more
// with something due in it. Such a run spends its first seconds in code V8 has not optimized
// yet: by default a function is optimized only after much of its bytecode has run (the
// interrupt budget), and with deep inlining, so each optimization compiles slowly. Optimizing
// sooner, with less inlining, made the CronJob day's main-thread work about a tenth smaller
// (docs/performance-history.md, 2026-12-02, night).
//
// Flags are set just before the advance, once the command's code is loaded: V8 checks each
// code cache against the flags it was made under, so a chunk loaded afterwards (the shell
// parser, when the first shell starts) takes its cache from those the build trained under
// these flags (dist/code-cache/tuned). Results do not change: only how V8 compiles them. (Node
// warns that a flag changed while V8 runs may do nothing, or worse; these two are read each
// time V8 decides to optimize a function and each time it inlines, which is why they take
// effect mid-run.)

import type { Duration } from "../sim/time";

/** From an hour of simulated time on, the warm-up saved outweighs loading node:v8 to set the flags. */
const LONG_RUN: Duration = (60 * 60 * 1000) as Duration;

/** Optimize after a quarter of the default budget (67,584), inlining up to 200 bytes of bytecode (default 920). */
export const LONG_RUN_V8_FLAGS = "--interrupt-budget=16896 --max-inlined-bytecode-size-cumulative=200";

let tuned = false;

/** Tunes V8 for a run of `by` of simulated time; once per process, and never while the build trains the plain code cache. */
export function tuneJitFor(by: Duration): void {
  // A cache written at the end of a training run carries the flags of that moment: the plain
  // training must not tune, or every later command would refuse its caches (scripts/build.mjs).
  if (tuned || by < LONG_RUN || process.env.KUBESIM_TRAIN_CODE_CACHE === "1") return;
  tuned = true;
  // process.getBuiltinModule came with Node 20.16; before it, the run goes untuned.
  const v8 = process.getBuiltinModule?.("node:v8") as typeof import("node:v8") | undefined;
  if (!v8) return;
  v8.setFlagsFromString(LONG_RUN_V8_FLAGS);
  // The chunk loader (scripts/build.mjs) now takes the caches trained under these flags.
  (globalThis as Record<symbol, unknown>)[Symbol.for("kubesim.tunedV8")] = true;
}
