// Completion indexes of Indexed Jobs: getCompletionIndex, the completedIndexes interval text
// ("0-2,4") and firstPendingIndexes, from pkg/controller/job/indexed_job_utils.go (v1.32).

import type { KubeObject } from "../../api/types";

export const COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

/** The pod's index from its annotation (the label as a fallback); undefined when unknown. */
export function getCompletionIndex(pod: KubeObject): number | undefined {
  const text = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/** Parses "0-2,4" into the set {0,1,2,4}, keeping only indexes below completions. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? "").split(",")) {
    if (part === "") continue;
    const [from, to = from] = part.split("-").map(Number);
    for (let i = from; i <= to && i < completions; i++) out.add(i);
  }
  return out;
}

/** Formats a set of indexes as ordered intervals: {0,1,2,4} → "0-2,4". */
export function formatIndexes(indexes: ReadonlySet<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** firstPendingIndexes: the lowest indexes neither completed nor held by an active pod. */
export function firstPendingIndexes(completed: ReadonlySet<number>, active: readonly KubeObject[], count: number, completions: number): number[] {
  const taken = new Set(completed);
  for (const pod of active) {
    const ix = getCompletionIndex(pod);
    if (ix !== undefined) taken.add(ix);
  }
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken.has(i)) out.push(i);
  return out;
}
