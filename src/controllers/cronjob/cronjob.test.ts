import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import type { Outcome, Write } from "../types";
import { syncCronJob } from ".";
import { at, rfc, summarize, T0, viewWith } from "../../../test/builders";
import type { Instant } from "../../sim/time";
import { defaultCronJob } from "../../api/defaulting/job";

const KEY = "CronJob/default/hello";
/** The names of the Jobs for 10:00 and 10:01 on T0's day: the scheduled minute since the epoch. */
const [J1000, J1001] = ["hello-28928760", "hello-28928761"];

function cronJob(spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject {
  const cj: KubeObject = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "hello", namespace: "default", uid: "uid-cj", resourceVersion: "1", creationTimestamp: rfc(at("-30s")), generation: 1 },
    spec: {
      schedule: "* * * * *",
      jobTemplate: { spec: { template: { spec: { containers: [{ name: "hello", image: "busybox" }], restartPolicy: "OnFailure" } } } },
      ...spec,
    },
  };
  defaultCronJob(cj);
  if (status) cj.status = status;
  return cj;
}

const owner = { apiVersion: "batch/v1", kind: "CronJob", name: "hello", uid: "uid-cj", controller: true, blockOwnerDeletion: true };
/** A child Job; `done` makes it Complete or Failed at that instant. */
function child(name: string, started: Instant, done?: { as: "Complete" | "Failed"; at: Instant }): KubeObject {
  const status: Record<string, unknown> = { startTime: rfc(started) };
  if (done) {
    status.conditions = [{ type: done.as, status: "True", lastTransitionTime: rfc(done.at) }];
    if (done.as === "Complete") status.completionTime = rfc(done.at);
  }
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "7", creationTimestamp: rfc(started), ownerReferences: [owner] },
    spec: {},
    status,
  };
}
const ref = (name: string) => ({ apiVersion: "batch/v1", kind: "Job", name, namespace: "default", resourceVersion: "7", uid: `uid-${name}` });

/** Status writes show their fields; a created Job its scheduled-timestamp annotation. */
function detail(w: Write): string {
  if (w.op === "updateStatus") {
    const s = w.object.status;
    const active = (s.active ?? []).map((r: { name: string }) => r.name).join(",");
    return [`active=[${active}]`, s.lastScheduleTime && `last=${s.lastScheduleTime}`, s.lastSuccessfulTime && `success=${s.lastSuccessfulTime}`].filter(Boolean).join(" ");
  }
  if (w.op === "create") return `at=${w.object.metadata.annotations?.["batch.kubernetes.io/cronjob-scheduled-timestamp"]} owner=${w.object.metadata.ownerReferences?.[0].name}`;
  if (w.op === "delete") return w.propagationPolicy ?? "";
  return "";
}

/**
 * The run's writes, each create followed by the write it makes once tried: after the API
 * server stored it (uid-<name>, resourceVersion 7, as `ref` says), or after a refusal.
 */
function withAfterCreates(out: Outcome, created: boolean): Outcome {
  const writes = out.writes.flatMap((w) => {
    if (w.op !== "create" || !w.afterCreate) return [w];
    const stored = { ...w.object, metadata: { ...w.object.metadata, uid: `uid-${w.object.metadata.name}`, resourceVersion: "7" } };
    const then = w.afterCreate(created ? stored : undefined);
    return then ? [w, then] : [w];
  });
  return { ...out, writes };
}

interface Case {
  name: string;
  given: KubeObject[];
  now: Instant;
  want: string[];
  requeueAfter?: number;
  /** The API server refuses the create: the write after it is the one made then. */
  refused?: boolean;
}

const plus100ms = (t: Instant): Instant => (t + 100) as Instant;

const cases: Case[] = [
  {
    name: "before its first scheduled time it only comes back just after it",
    given: [cronJob()],
    now: at("-10s"),
    want: [],
    requeueAfter: 10_100,
  },
  {
    name: "at the scheduled time it creates the Job named for the minute, annotated with the time",
    given: [cronJob()],
    now: plus100ms(T0),
    want: [`create Job ${J1000} at=2025-01-01T10:00:00Z owner=hello`, `updateStatus CronJob hello active=[${J1000}] last=2025-01-01T10:00:00Z`, `event SuccessfulCreate Created job ${J1000}`],
    requeueAfter: 60_000,
  },
  {
    name: "a refused create leaves the status as it was, so the time is tried again",
    given: [cronJob({ successfulJobsHistoryLimit: 0 }, { lastScheduleTime: rfc(at("-1m")) }), child("hello-a", at("-1m"), { as: "Complete", at: at("-50s") })],
    now: plus100ms(T0),
    refused: true,
    want: [
      "delete Job hello-a Background",
      `create Job ${J1000} at=2025-01-01T10:00:00Z owner=hello`,
      "updateStatus CronJob hello active=[] last=2025-01-01T09:59:00Z success=2025-01-01T09:59:10Z",
      "event SuccessfulDelete Deleted job hello-a",
      `event SuccessfulCreate Created job ${J1000}`,
    ],
    requeueAfter: 60_000,
  },
  {
    name: "a refused create with nothing else changed writes no status",
    given: [cronJob()],
    now: plus100ms(T0),
    refused: true,
    want: [`create Job ${J1000} at=2025-01-01T10:00:00Z owner=hello`, `event SuccessfulCreate Created job ${J1000}`],
    requeueAfter: 60_000,
  },
  {
    name: "a Job of its own for the last time that is not in status.active is reported, as upstream does",
    given: [cronJob({}, { lastScheduleTime: rfc(T0) }), child(J1000, plus100ms(T0))],
    now: plus100ms(T0),
    want: [`event UnexpectedJob Saw a job that the controller did not create or forgot: ${J1000}`],
    requeueAfter: 60_000,
  },
  {
    name: "a Job of its own for the time that came, missing from status.active, is taken back (AlreadyExists)",
    given: [cronJob({}, { lastScheduleTime: rfc(at("-1m")) }), child(J1000, plus100ms(T0))],
    now: plus100ms(T0),
    want: [`updateStatus CronJob hello active=[${J1000}] last=2025-01-01T10:00:00Z`, `event UnexpectedJob Saw a job that the controller did not create or forgot: ${J1000}`],
    requeueAfter: 60_000,
  },
  {
    name: "a finished Job leaves status.active; a completed one sets lastSuccessfulTime",
    given: [cronJob({}, { lastScheduleTime: rfc(T0), active: [ref(J1000)] }), child(J1000, T0, { as: "Complete", at: at("5s") })],
    now: at("5s"),
    want: ["updateStatus CronJob hello active=[] last=2025-01-01T10:00:00Z success=2025-01-01T10:00:05Z", `event SawCompletedJob Saw completed job: ${J1000}, condition: Complete`],
    requeueAfter: 55_100,
  },
  {
    name: "Forbid skips the time while a Job runs",
    given: [cronJob({ concurrencyPolicy: "Forbid" }, { lastScheduleTime: rfc(T0), active: [ref(J1000)] }), child(J1000, T0)],
    now: plus100ms(at("1m")),
    want: ["event JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid"],
    requeueAfter: 60_000,
  },
  {
    name: "Allow runs the next Job beside the running one",
    given: [cronJob({}, { lastScheduleTime: rfc(T0), active: [ref(J1000)] }), child(J1000, T0)],
    now: plus100ms(at("1m")),
    want: [`create Job ${J1001} at=2025-01-01T10:01:00Z owner=hello`, `updateStatus CronJob hello active=[${J1000},${J1001}] last=2025-01-01T10:01:00Z`, `event SuccessfulCreate Created job ${J1001}`],
    requeueAfter: 60_000,
  },
  {
    name: "Replace deletes the running Job, then creates the next",
    given: [cronJob({ concurrencyPolicy: "Replace" }, { lastScheduleTime: rfc(T0), active: [ref(J1000)] }), child(J1000, T0)],
    now: plus100ms(at("1m")),
    want: [
      `delete Job ${J1000} Background`,
      `create Job ${J1001} at=2025-01-01T10:01:00Z owner=hello`,
      `updateStatus CronJob hello active=[${J1001}] last=2025-01-01T10:01:00Z`,
      `event SuccessfulDelete Deleted job ${J1000}`,
      `event SuccessfulCreate Created job ${J1001}`,
    ],
    requeueAfter: 60_000,
  },
  {
    name: "a suspended CronJob creates nothing",
    given: [cronJob({ suspend: true })],
    now: plus100ms(at("5m")),
    want: [],
  },
  {
    name: "a time missed by more than startingDeadlineSeconds is skipped for the next one",
    given: [cronJob({ schedule: "0 * * * *", startingDeadlineSeconds: 60 }, { lastScheduleTime: rfc(at("-1h")) })],
    now: plus100ms(at("2m")),
    want: [],
    requeueAfter: 58 * 60_000,
  },
  {
    name: "a time within startingDeadlineSeconds still runs late",
    given: [cronJob({ schedule: "0 * * * *", startingDeadlineSeconds: 300 }, { lastScheduleTime: rfc(at("-1h")) })],
    now: plus100ms(at("2m")),
    want: [`create Job ${J1000} at=2025-01-01T10:00:00Z owner=hello`, `updateStatus CronJob hello active=[${J1000}] last=2025-01-01T10:00:00Z`, `event SuccessfulCreate Created job ${J1000}`],
    requeueAfter: 58 * 60_000,
  },
  {
    name: "more than 100 missed times are reported, and the most recent one runs",
    given: [cronJob({}, { lastScheduleTime: rfc(at("-3h")) })],
    now: plus100ms(T0),
    want: [
      `create Job ${J1000} at=2025-01-01T10:00:00Z owner=hello`,
      `updateStatus CronJob hello active=[${J1000}] last=2025-01-01T10:00:00Z`,
      "event TooManyMissedTimes too many missed start times: 180. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
      `event SuccessfulCreate Created job ${J1000}`,
    ],
    requeueAfter: 60_000,
  },
  {
    name: "keeps the newest successfulJobsHistoryLimit completed Jobs, deleting by start time",
    given: [
      cronJob({ successfulJobsHistoryLimit: 2 }, { lastScheduleTime: rfc(T0) }),
      child("hello-a", at("-3m"), { as: "Complete", at: at("-3m") }),
      child("hello-b", at("-2m"), { as: "Complete", at: at("-2m") }),
      child("hello-c", at("-4m"), { as: "Complete", at: at("-4m") }),
    ],
    now: at("30s"),
    want: ["delete Job hello-c Background", "updateStatus CronJob hello active=[] last=2025-01-01T10:00:00Z success=2025-01-01T09:58:00Z", "event SuccessfulDelete Deleted job hello-c"],
    requeueAfter: 30_100,
  },
  {
    name: "an active Job that vanished is dropped with MissingJob",
    given: [cronJob({}, { lastScheduleTime: rfc(T0), active: [ref(J1000)] })],
    now: at("30s"),
    want: ["updateStatus CronJob hello active=[] last=2025-01-01T10:00:00Z", `event MissingJob Active job went missing: ${J1000}`],
    requeueAfter: 30_100,
  },
  {
    name: "a running Job it did not schedule (create job --from) is reported, not adopted",
    given: [cronJob({}, { lastScheduleTime: rfc(T0) }), child("hello-manual", at("10s"))],
    now: at("30s"),
    want: ["event UnexpectedJob Saw a job that the controller did not create or forgot: hello-manual"],
    requeueAfter: 30_100,
  },
  {
    name: "the schedule is read in spec.timeZone: 9:00 in Tokyo is midnight UTC",
    given: [{ ...cronJob({ schedule: "0 9 * * *", timeZone: "Asia/Tokyo" }), metadata: { ...cronJob().metadata, creationTimestamp: rfc(at("-11h")) } }],
    now: plus100ms(at("-10h")),
    want: ["create Job hello-28928160 at=2025-01-01T09:00:00+09:00 owner=hello", "updateStatus CronJob hello active=[hello-28928160] last=2025-01-01T00:00:00Z", "event SuccessfulCreate Created job hello-28928160"],
    requeueAfter: 24 * 3600_000,
  },
];

describe("the CronJob controller", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { view } = viewWith(...c.given);
      const out = syncCronJob(view, KEY, c.now);
      expect(summarize(withAfterCreates(out, !c.refused), detail)).toEqual(c.want);
      expect(out.requeueAfter).toBe(c.requeueAfter);
    });
  }
});
