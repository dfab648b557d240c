// describe job (reference §2.7): describeJob and capIndexesListOrNone from
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.32).
// "Pods Statuses" comes from job.status, not from listing pods: JobDescriber fetches none.

import type { KubeObject } from "../../api/types";
import { formatSelector, fromLabelSelector } from "../../api/selectors";
import { between, rfc1123z } from "../age";
import { describePodTemplate } from "./containers";
import { annotationsMultiline, controlledBy, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

/** LabelSelectorAsSelector(sel).String(): like formatSelector, but nil and empty print "". */
export function selectorString(sel: any): string {
  const reqs = fromLabelSelector(sel);
  return reqs && reqs.length > 0 ? formatSelector(reqs) : "";
}

/** capIndexesListOrNone: "1,3-5", or cut at the first comma from `softLimit` on, plus "...". */
export function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return "<none>";
  const ix = indexes.indexOf(",", softLimit);
  return ix < 0 ? indexes : indexes.slice(0, ix + 1) + "...";
}

/** Go's `!= nil` for an optional field. */
export const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export function describeJob(job: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  w.line(0, `Name:\t${job.metadata.name}`);
  w.line(0, `Namespace:\t${job.metadata.namespace}`);
  w.line(0, `Selector:\t${selectorString(spec.selector)}`);
  labelsMultiline(w, "Labels", job.metadata.labels);
  annotationsMultiline(w, "Annotations", job.metadata.annotations);
  const owner = controlledBy(job);
  if (owner) w.line(0, `Controlled By:\t${owner}`);
  if (isSet(spec.parallelism)) w.line(0, `Parallelism:\t${spec.parallelism}`);
  w.line(0, `Completions:\t${isSet(spec.completions) ? spec.completions : "<unset>"}`);
  if (isSet(spec.completionMode)) w.line(0, `Completion Mode:\t${spec.completionMode}`);
  if (isSet(spec.suspend)) w.line(0, `Suspend:\t${spec.suspend}`);
  if (isSet(spec.backoffLimit)) w.line(0, `Backoff Limit:\t${spec.backoffLimit}`);
  if (isSet(spec.ttlSecondsAfterFinished)) w.line(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (status.startTime) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  if (status.completionTime) w.line(0, `Completed At:\t${rfc1123z(status.completionTime)}`);
  if (status.startTime && status.completionTime) w.line(0, `Duration:\t${between(status.startTime, status.completionTime)}`);
  if (isSet(spec.activeDeadlineSeconds)) w.line(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const ready = isSet(status.ready) ? ` (${status.ready} Ready)` : "";
  w.line(0, `Pods Statuses:\t${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`);
  if (spec.completionMode === "Indexed") w.line(0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, 50)}`);
  describePodTemplate(w, spec.template ?? {}); // a value in Go, never nil
  describeEvents(w, eventsFor(job, ctx.view), ctx.now);
  return w.done();
}
