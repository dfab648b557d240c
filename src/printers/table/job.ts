// Jobs: NAME STATUS COMPLETIONS DURATION AGE (+ CONTAINERS IMAGES SELECTOR). printJob.

import type { KubeObject } from "../../api/types";
import { age, between } from "../age";
import { containerCells, nameOf, num, selectorCell } from "./cells";
import type { TableHandler } from "./types";

/** First match wins; only a condition whose status is True counts (the first of each type). */
function jobStatus(job: KubeObject): string {
  const conditions: any[] = job.status?.conditions ?? [];
  const isTrue = (type: string): boolean => conditions.find((c) => c.type === type)?.status === "True";
  if (isTrue("Complete")) return "Complete";
  if (isTrue("Failed")) return "Failed";
  if (job.metadata.deletionTimestamp) return "Terminating";
  if (isTrue("Suspended")) return "Suspended";
  if (isTrue("FailureTarget")) return "FailureTarget";
  return "Running";
}

function completions(job: KubeObject): string {
  const succeeded = num(job.status?.succeeded);
  if (typeof job.spec?.completions === "number") return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export const jobTable: TableHandler = {
  kind: "Job",
  columns: [
    { name: "NAME" },
    { name: "STATUS" },
    { name: "COMPLETIONS" },
    { name: "DURATION" },
    { name: "AGE" },
    { name: "CONTAINERS", wide: true },
    { name: "IMAGES", wide: true },
    { name: "SELECTOR", wide: true },
  ],
  row(job, now) {
    const start: string | undefined = job.status?.startTime;
    const end: string | undefined = job.status?.completionTime;
    const duration = !start ? "" : end ? between(start, end) : age(start, now);
    return [
      nameOf(job),
      jobStatus(job),
      completions(job),
      duration,
      age(job.metadata.creationTimestamp, now),
      ...containerCells(job.spec?.template?.spec),
      selectorCell(job.spec?.selector),
    ];
  },
};
