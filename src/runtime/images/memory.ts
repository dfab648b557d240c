// How much memory an image model's process holds, from its flags (model.ts MemoryAllocation):
// the docs' `stress --vm 1 --vm-bytes 250M --vm-hang 1` holds 250 × 2^20 bytes. The kubelet's
// OOM check (kubelet/oom.ts) compares it with the container's memory limit. Size parsing is
// stress.c's atoll_b: a number with an optional b/k/m/g suffix, powers of 1024.

import type { ImageProcess } from "./behaviour";

const SHIFT: Record<string, number> = { b: 0, k: 10, m: 20, g: 30 };

/** stress's atoll_b: "250M" → 262144000, "1g" → 1073741824, "4096" → 4096; undefined if malformed. */
export function parseStressSize(text: string): number | undefined {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 2 ** (SHIFT[m[2].toLowerCase()] ?? 0);
}

/** The value of `--flag N` or `--flag=N` in argv, if present. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Bytes the process allocates and holds once running: workers × bytes per worker, or 0 for a
 * process that allocates nothing the simulation models (every shell and most servers).
 * @example allocatedMemoryBytes(imageProcessFor("polinux/stress", { command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M"] })) // 262144000
 */
export function allocatedMemoryBytes(proc: ImageProcess): number {
  if (proc.kind !== "model" || proc.model.kind !== "serve" || !proc.model.allocates) return 0;
  const a = proc.model.allocates;
  const workers = Number(flagValue(proc.argv, a.workersFlag) ?? "0");
  if (!Number.isInteger(workers) || workers <= 0) return 0;
  const bytesText = flagValue(proc.argv, a.bytesFlag);
  const bytes = bytesText === undefined ? a.defaultBytes : (parseStressSize(bytesText) ?? 0);
  return workers * bytes;
}
