import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import type { Write } from "../types";
import { jobController, syncJob } from ".";
import { at, pod, rfc, rng, summarize, T0, viewWith } from "../../../test/builders";
import type { Buildable, PodBuilder } from "../../../test/builders";
import type { Instant } from "../../sim/time";
import { defaultJob, generateJobSelector } from "../../api/defaulting/job";
import { JOB_TRACKING_FINALIZER } from "./pod-accounting";

const KEY = "Job/default/pi";

/** A stored Job as the API server leaves it: defaulted, with its generated selector. */
function job(spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject {
  const j: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "default", uid: "uid-job-pi", resourceVersion: "1", creationTimestamp: rfc(T0), generation: 1 },
    spec: { template: { spec: { containers: [{ name: "pi", image: "perl" }], restartPolicy: "Never" } }, ...spec },
  };
  defaultJob(j);
  generateJobSelector(j);
  if (status) j.status = status;
  return j;
}

const running = { startTime: rfc(T0), active: 1 };
const labels = { "batch.kubernetes.io/controller-uid": "uid-job-pi", "batch.kubernetes.io/job-name": "pi", "controller-uid": "uid-job-pi", "job-name": "pi" };
/** A pod of the Job, holding the tracking finalizer. */
const owned = (name: string): PodBuilder => {
  const p = pod(name).labels(labels).ownedBy(job());
  (p as unknown as { obj: KubeObject }).obj.metadata.finalizers = [JOB_TRACKING_FINALIZER];
  return p;
};
/** Finished at t: phase, a terminated container and Ready=False since t. */
const finished = (p: PodBuilder, phase: "Succeeded" | "Failed", t: Instant): PodBuilder =>
  p.on("kubesim-worker").phase(phase).status({
    conditions: [{ type: "Ready", status: "False", lastTransitionTime: rfc(t) }],
    containerStatuses: [{ name: "pi", restartCount: 0, state: { terminated: { exitCode: phase === "Succeeded" ? 0 : 1, finishedAt: rfc(t) } } }],
  });
const released = (p: PodBuilder): PodBuilder => {
  delete (p as unknown as { obj: KubeObject }).obj.metadata.finalizers;
  return p;
};

/** Status writes show their fields; pod updates show the finalizers; creates show the index. */
function detail(w: Write): string {
  if (w.op === "updateStatus") {
    const { conditions, uncountedTerminatedPods: _u, startTime, completionTime, ...counts } = w.object.status;
    const conds = (conditions ?? []).map((c: { type: string; status: string; reason: string }) => `${c.type}=${c.status}/${c.reason}`);
    const times = [startTime && `start=${startTime.slice(11, 19)}`, completionTime && `done=${completionTime.slice(11, 19)}`].filter(Boolean);
    return [...Object.entries(counts).map(([k, v]) => `${k}=${v}`), ...times, ...conds].join(" ");
  }
  if (w.op === "update") return `finalizers=[${(w.object.metadata.finalizers ?? []).join(",")}]`;
  if (w.op === "create") {
    const ix = w.object.metadata.annotations?.["batch.kubernetes.io/job-completion-index"];
    return `finalizers=[${w.object.metadata.finalizers}]${ix === undefined ? "" : ` index=${ix} hostname=${w.object.spec.hostname}`}`;
  }
  return "";
}

interface Case {
  name: string;
  given: Buildable[];
  now?: Instant;
  want: string[];
  requeueAfter?: number;
}

const cases: Case[] = [
  {
    name: "a new Job gets one pod with the tracking finalizer, and its start time",
    given: [job()],
    want: [
      "create Pod pi-vbs99 finalizers=[batch.kubernetes.io/job-tracking]",
      "updateStatus Job pi active=1 terminating=0 ready=0 start=10:00:00",
      "event SuccessfulCreate Created pod: pi-vbs99",
    ],
  },
  {
    name: "keeps min(parallelism, completions − succeeded) pods active",
    given: [job({ completions: 5, parallelism: 3 }, { startTime: rfc(T0), succeeded: 3, active: 1 }), owned("pi-a").ready()],
    want: [
      "create Pod pi-vbs99 finalizers=[batch.kubernetes.io/job-tracking]",
      "updateStatus Job pi active=2 succeeded=3 terminating=0 ready=1 start=10:00:00",
      "event SuccessfulCreate Created pod: pi-vbs99",
    ],
  },
  {
    name: "counts a succeeded pod, takes its finalizer off, and completes: SuccessCriteriaMet, then Complete",
    now: at("30s"),
    given: [job({}, running), finished(owned("pi-a"), "Succeeded", at("25s"))],
    want: [
      "update Pod pi-a finalizers=[]",
      "updateStatus Job pi succeeded=1 terminating=0 ready=0 start=10:00:00 done=10:00:30 SuccessCriteriaMet=True/CompletionsReached Complete=True/CompletionsReached",
      "event Completed Job completed",
    ],
  },
  {
    name: "counts a failed pod and waits 10s from its failure before replacing it",
    now: at("30s"),
    given: [job({}, running), finished(owned("pi-a"), "Failed", at("25s"))],
    want: ["update Pod pi-a finalizers=[]", "updateStatus Job pi failed=1 terminating=0 ready=0 start=10:00:00"],
    requeueAfter: 5_000,
  },
  {
    name: "replaces the failed pod once the back-off has passed",
    now: at("35s"),
    given: [job({}, { startTime: rfc(T0), failed: 1 }), released(finished(owned("pi-a"), "Failed", at("25s")))],
    want: ["create Pod pi-vbs99 finalizers=[batch.kubernetes.io/job-tracking]", "updateStatus Job pi active=1 failed=1 terminating=0 ready=0 start=10:00:00", "event SuccessfulCreate Created pod: pi-vbs99"],
  },
  {
    name: "measures the back-off from the container's exit, not from when the pod stopped being ready",
    now: at("30s"),
    given: [
      job({}, { startTime: rfc(T0), failed: 1 }),
      released(finished(owned("pi-a"), "Failed", at("25s")).status({ conditions: [{ type: "Ready", status: "False", lastTransitionTime: rfc(T0) }] })),
    ],
    want: ["updateStatus Job pi failed=1 terminating=0 ready=0 start=10:00:00"],
    requeueAfter: 5_000,
  },
  {
    name: "doubles the back-off with each failure since the last success: 40s after the third",
    now: at("2m"),
    given: [
      job({}, { startTime: rfc(T0), failed: 3 }),
      released(finished(owned("pi-a"), "Failed", at("10s"))),
      released(finished(owned("pi-b"), "Failed", at("30s"))),
      released(finished(owned("pi-c"), "Failed", at("1m50s"))),
    ],
    want: ["updateStatus Job pi failed=3 terminating=0 ready=0 start=10:00:00"],
    requeueAfter: 30_000,
  },
  {
    name: "fails the Job when failures exceed backoffLimit: FailureTarget and Failed at once when nothing runs",
    now: at("1m"),
    given: [job({ backoffLimit: 1 }, { startTime: rfc(T0), failed: 1 }), finished(owned("pi-b"), "Failed", at("55s"))],
    want: [
      "update Pod pi-b finalizers=[]",
      "updateStatus Job pi failed=2 terminating=0 ready=0 start=10:00:00 FailureTarget=True/BackoffLimitExceeded Failed=True/BackoffLimitExceeded",
      "event BackoffLimitExceeded Job has reached the specified backoff limit",
    ],
  },
  {
    name: "under OnFailure, container restarts reaching backoffLimit fail the Job; the running pod is deleted first",
    now: at("1m"),
    given: [
      job({ backoffLimit: 2, template: { spec: { containers: [{ name: "pi", image: "perl" }], restartPolicy: "OnFailure" } } }, running),
      owned("pi-a").running().restarts(2),
    ],
    want: [
      "delete Pod pi-a",
      "updateStatus Job pi terminating=1 ready=0 start=10:00:00 FailureTarget=True/BackoffLimitExceeded",
      "event SuccessfulDelete Deleted pod: pi-a",
    ],
  },
  {
    name: "a Job past its FailureTarget becomes Failed once its last pod has terminated",
    now: at("1m30s"),
    given: [
      job({}, { startTime: rfc(T0), failed: 1, conditions: [{ type: "FailureTarget", status: "True", reason: "DeadlineExceeded", message: "Job was active longer than specified deadline", lastProbeTime: rfc(at("1m")), lastTransitionTime: rfc(at("1m")) }] }),
      released(finished(owned("pi-a"), "Failed", at("1m20s"))),
    ],
    want: ["updateStatus Job pi failed=1 terminating=0 ready=0 start=10:00:00 FailureTarget=True/DeadlineExceeded Failed=True/DeadlineExceeded", "event DeadlineExceeded Job was active longer than specified deadline"],
  },
  {
    name: "comes back when activeDeadlineSeconds runs out",
    now: at("20s"),
    given: [job({ activeDeadlineSeconds: 60 }, running), owned("pi-a").ready()],
    want: ["updateStatus Job pi active=1 terminating=0 ready=1 start=10:00:00"],
    requeueAfter: 40_000,
  },
  {
    name: "deletes the pods of a Job past activeDeadlineSeconds, with reason DeadlineExceeded",
    now: at("1m"),
    given: [job({ activeDeadlineSeconds: 60 }, running), owned("pi-a").ready()],
    want: [
      "delete Pod pi-a",
      "updateStatus Job pi terminating=1 ready=1 start=10:00:00 FailureTarget=True/DeadlineExceeded",
      "event SuccessfulDelete Deleted pod: pi-a",
    ],
  },
  {
    name: "a deleted pod counts as failed at once and is replaced while it terminates (podReplacementPolicy TerminatingOrFailed)",
    now: at("1m"),
    given: [job({}, running), owned("pi-a").ready().deleting(at("50s"), [JOB_TRACKING_FINALIZER])],
    want: [
      "create Pod pi-vbs99 finalizers=[batch.kubernetes.io/job-tracking]",
      "update Pod pi-a finalizers=[]",
      "updateStatus Job pi active=1 failed=1 terminating=1 ready=0 start=10:00:00",
      "event SuccessfulCreate Created pod: pi-vbs99",
    ],
  },
  {
    name: "with podReplacementPolicy Failed, a terminating pod is neither counted nor replaced",
    now: at("1m"),
    given: [job({ podReplacementPolicy: "Failed" }, running), owned("pi-a").ready().deleting(at("50s"), [JOB_TRACKING_FINALIZER])],
    want: ["updateStatus Job pi terminating=1 ready=0 start=10:00:00"],
  },
  {
    name: "suspending deletes the active pods and records Suspended",
    given: [job({ suspend: true }, running), owned("pi-a").ready()],
    want: [
      "delete Pod pi-a",
      "updateStatus Job pi terminating=0 ready=1 start=10:00:00 Suspended=True/JobSuspended",
      "event SuccessfulDelete Deleted pod: pi-a",
      "event Suspended Job suspended",
    ],
  },
  {
    name: "a Job created suspended gets no start time and no pods",
    given: [job({ suspend: true })],
    want: ["updateStatus Job pi terminating=0 ready=0 Suspended=True/JobSuspended", "event Suspended Job suspended"],
  },
  {
    name: "resuming records JobResumed and starts the deadline clock again",
    now: at("5m"),
    given: [job({}, { startTime: rfc(T0), conditions: [{ type: "Suspended", status: "True", reason: "JobSuspended", message: "Job suspended", lastProbeTime: rfc(T0), lastTransitionTime: rfc(T0) }] })],
    want: [
      "create Pod pi-vbs99 finalizers=[batch.kubernetes.io/job-tracking]",
      "updateStatus Job pi active=1 terminating=0 ready=0 start=10:05:00 Suspended=False/JobResumed",
      "event SuccessfulCreate Created pod: pi-vbs99",
      "event Resumed Job resumed",
    ],
  },
  {
    name: "a work queue (no completions) starts no pod after a success and completes when none runs",
    now: at("1m"),
    given: [job({ completions: null, parallelism: 2 }, { startTime: rfc(T0), active: 2 }), finished(owned("pi-a"), "Succeeded", at("50s")), owned("pi-b").ready()],
    want: ["update Pod pi-a finalizers=[]", "updateStatus Job pi active=1 succeeded=1 terminating=0 ready=1 start=10:00:00"],
  },
  {
    name: "an Indexed Job starts the lowest missing indexes, each pod named, labelled and hostnamed for its index",
    given: [job({ completionMode: "Indexed", completions: 4, parallelism: 2 }, { startTime: rfc(T0), succeeded: 1, completedIndexes: "0" })],
    want: [
      "create Pod pi-1-vbs99 finalizers=[batch.kubernetes.io/job-tracking] index=1 hostname=pi-1",
      "create Pod pi-2-kvzp9 finalizers=[batch.kubernetes.io/job-tracking] index=2 hostname=pi-2",
      "updateStatus Job pi active=2 succeeded=1 terminating=0 completedIndexes=0 ready=0 start=10:00:00",
      "event SuccessfulCreate Created pod: pi-1-vbs99",
      "event SuccessfulCreate Created pod: pi-2-kvzp9",
    ],
  },
  {
    name: "an Indexed Job records completed indexes as intervals, counting a repeated index once",
    now: at("1m"),
    given: [
      job({ completionMode: "Indexed", completions: 4, parallelism: 1 }, { startTime: rfc(T0), succeeded: 2, completedIndexes: "0,2", active: 1 }),
      finished(owned("pi-1-aaaaa").annotations({ "batch.kubernetes.io/job-completion-index": "1" }), "Succeeded", at("50s")),
      finished(owned("pi-2-bbbbb").annotations({ "batch.kubernetes.io/job-completion-index": "2" }), "Succeeded", at("50s")),
    ],
    want: [
      "create Pod pi-3-vbs99 finalizers=[batch.kubernetes.io/job-tracking] index=3 hostname=pi-3",
      "update Pod pi-1-aaaaa finalizers=[]",
      "update Pod pi-2-bbbbb finalizers=[]",
      "updateStatus Job pi active=1 succeeded=3 terminating=0 completedIndexes=0-2 ready=0 start=10:00:00",
      "event SuccessfulCreate Created pod: pi-3-vbs99",
    ],
  },
  {
    name: "a finished Job only takes the finalizers off its remaining pods",
    given: [
      job({}, { startTime: rfc(T0), succeeded: 1, conditions: [{ type: "Complete", status: "True", reason: "CompletionsReached" }] }),
      finished(owned("pi-a"), "Succeeded", at("5s")),
    ],
    want: ["update Pod pi-a finalizers=[]"],
  },
];

describe("the Job controller", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { view } = viewWith(...c.given);
      const out = syncJob(view, KEY, c.now ?? T0, rng());
      expect(summarize(out, detail)).toEqual(c.want);
      expect(out.requeueAfter).toBe(c.requeueAfter);
    });
  }
});

describe("what wakes the Job controller", () => {
  const triggers = (kind: string) => jobController.wakeOn.filter((t) => t.kind === kind);
  /** The keys a change wakes, as the engine asks: concerns, then keysFor of before and after. */
  const wakes = (stored: Buildable[], before: KubeObject | undefined, after: KubeObject | undefined): string[] => {
    const { view } = viewWith(...stored);
    const keys: string[] = [];
    for (const t of triggers((after ?? before)!.kind)) {
      if (t.concerns && !t.concerns(before, after)) continue;
      for (const o of [before, after]) if (o) keys.push(...t.keysFor(o, view));
    }
    return [...new Set(keys)];
  };
  const build = (b: PodBuilder) => b.build() as KubeObject;

  it.each([
    { name: "a Job created", stored: () => [job()], before: undefined, after: () => job(), want: [KEY] },
    { name: "a Job changed", stored: () => [job({}, running)], before: () => job(), after: () => job({}, running), want: [KEY] },
    { name: "a Job removed: nothing to sync", stored: () => [], before: () => job(), after: undefined, want: [] },
    { name: "its pod created", stored: () => [job(), owned("pi-a")], before: undefined, after: () => build(owned("pi-a")), want: [KEY] },
    { name: "its pod finished", stored: () => [job()], before: () => build(owned("pi-a").on("kubesim-worker")), after: () => build(finished(owned("pi-a"), "Succeeded", T0)), want: [KEY] },
    { name: "its pod removed while the Job is there", stored: () => [job()], before: () => build(owned("pi-a")), after: undefined, want: [KEY] },
    { name: "its pod removed after the Job: nothing to sync", stored: () => [], before: () => build(owned("pi-a")), after: undefined, want: [] },
  ])("$name", ({ stored, before, after, want }) => {
    expect(wakes(stored(), before?.(), after?.())).toEqual(want);
  });
});
