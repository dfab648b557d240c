// describe cronjob (reference §2.8): describeCronJob, describeJobTemplate and printActiveJobs
// from staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.32). v1.32 has no "Time Zone"
// line (added upstream in 2026), so spec.timeZone is not shown.

import type { KubeObject } from "../../api/types";
import { rfc1123z } from "../age";
import { describePodTemplate } from "./containers";
import { isSet, selectorString } from "./job";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

const orUnset = (v: unknown, suffix = ""): string => (isSet(v) ? `${v}${suffix}` : "<unset>");

/** printBoolPtr: "True", "False" or "<unset>" (not Go's %v "true"). */
const printBoolPtr = (v: unknown): string => (isSet(v) ? (v ? "True" : "False") : "<unset>");

export function describeCronJob(cj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = cj.spec ?? {};
  w.line(0, `Name:\t${cj.metadata.name}`);
  w.line(0, `Namespace:\t${cj.metadata.namespace}`);
  labelsMultiline(w, "Labels", cj.metadata.labels);
  annotationsMultiline(w, "Annotations", cj.metadata.annotations);
  w.line(0, `Schedule:\t${spec.schedule ?? ""}`);
  w.line(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}`);
  w.line(0, `Suspend:\t${printBoolPtr(spec.suspend)}`);
  w.line(0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}`);
  w.line(0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}`);
  w.line(0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, "s")}`);
  describeJobTemplate(w, spec.jobTemplate?.spec ?? {});
  const last = cj.status?.lastScheduleTime;
  w.line(0, `Last Schedule Time:\t${last ? rfc1123z(last) : "<unset>"}`);
  printActiveJobs(w, "Active Jobs", cj.status?.active ?? []);
  describeEvents(w, eventsFor(cj, ctx.view), ctx.now);
  return w.done();
}

/** describeJobTemplate: unlike describeJob, an absent selector says "<unset>". */
function describeJobTemplate(w: PrefixWriter, spec: any): void {
  w.line(0, `Selector:\t${spec.selector ? selectorString(spec.selector) : "<unset>"}`);
  w.line(0, `Parallelism:\t${orUnset(spec.parallelism)}`);
  w.line(0, `Completions:\t${orUnset(spec.completions)}`);
  if (isSet(spec.activeDeadlineSeconds)) w.line(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  describePodTemplate(w, spec.template ?? {});
}

/** printActiveJobs: names joined by ", ", or "<none>". */
function printActiveJobs(w: PrefixWriter, title: string, jobs: readonly any[]): void {
  w.line(0, `${title}:\t${jobs.length === 0 ? "<none>" : jobs.map((j) => j.name ?? "").join(", ")}`);
}
