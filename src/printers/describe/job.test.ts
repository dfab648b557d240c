import { describe as suite, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import type { KubeObject } from "../../api/types";
import { instant, toRFC3339, type Instant } from "../../sim/time";
import { ago, T0 } from "../test-objects";
import { capIndexesListOrNone } from "./job";
import { describe } from "./index";

// The reference §2.7 example happens at 10:02:40 on 22 Nov 2025; the other cases at T0.
const REF_NOW = instant(Date.parse("2025-11-22T10:02:40Z"));
const at = (now: Instant, secondsAgo: number): string => toRFC3339(instant(now - secondsAgo * 1000));

function job(name: string, uid: string, spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  const labels = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": name, "controller-uid": uid, "job-name": name };
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: "default", uid, creationTimestamp: ago(600), labels, ...meta },
    spec: {
      parallelism: 1,
      completions: 1,
      completionMode: "NonIndexed",
      suspend: false,
      backoffLimit: 6,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
      template: { metadata: { labels }, spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }] } },
      ...spec,
    },
    status,
  };
}

function pod(owner: KubeObject, name: string, phase: string): KubeObject {
  const labels = owner.spec?.template?.metadata?.labels;
  const ref = { apiVersion: "batch/v1", kind: "Job", name: owner.metadata.name ?? "", uid: owner.metadata.uid ?? "", controller: true };
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: `uid-${name}`, labels, ownerReferences: [ref] }, status: { phase } };
}

function event(involved: KubeObject, n: number, type: string, reason: string, when: string, component: string, message: string): KubeObject {
  const { kind, metadata } = involved;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${metadata.name}.${n}`, namespace: "default" },
    involvedObject: { kind, name: metadata.name, namespace: metadata.namespace, uid: metadata.uid },
    type,
    reason,
    message,
    source: { component },
    firstTimestamp: when,
    lastTimestamp: when,
    count: 1,
  } as KubeObject;
}

const UID = "a1b2c3d4-0000-4000-8000-000000000001";
const completed = job("pi", UID, { backoffLimit: 4 }, {
  startTime: at(REF_NOW, 160),
  completionTime: at(REF_NOW, 95),
  ready: 0,
  succeeded: 1,
  conditions: [{ type: "SuccessCriteriaMet", status: "True" }, { type: "Complete", status: "True" }],
});

const cronOwner = { apiVersion: "batch/v1", kind: "CronJob", name: "pi-hourly", uid: "uid-cron", controller: true };
const running = job("work", "uid-work", { parallelism: 2, completions: 3, ttlSecondsAfterFinished: 100, activeDeadlineSeconds: 600 }, { startTime: ago(40), active: 2, ready: 1, succeeded: 1 }, { ownerReferences: [cronOwner] });

const failed = job("stuck", "uid-stuck", { backoffLimit: 0 }, {
  startTime: ago(600),
  failed: 1,
  ready: 0,
  conditions: [{ type: "FailureTarget", status: "True", reason: "BackoffLimitExceeded" }, { type: "Failed", status: "True", reason: "BackoffLimitExceeded" }],
});

const INDEXES = "0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40";
const indexed = job("idx", "uid-idx", { completionMode: "Indexed", completions: 42, parallelism: 3 }, { startTime: ago(90), active: 3, ready: 3, succeeded: 21, completedIndexes: INDEXES });

const suspended = job("later", "uid-later", { suspend: true }, { ready: 0, conditions: [{ type: "Suspended", status: "True", reason: "JobSuspended" }] });
const unsynced = job("fresh", "uid-fresh", {}, {});

const COMPLETED_WANT = `Name:             pi
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001
Labels:           batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001
                  batch.kubernetes.io/job-name=pi
                  controller-uid=a1b2c3d4-0000-4000-8000-000000000001
                  job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    4
Start Time:       Sat, 22 Nov 2025 10:00:00 +0000
Completed At:     Sat, 22 Nov 2025 10:01:05 +0000
Duration:         65s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=a1b2c3d4-0000-4000-8000-000000000001
           batch.kubernetes.io/job-name=pi
           controller-uid=a1b2c3d4-0000-4000-8000-000000000001
           job-name=pi
  Containers:
   pi:
    Image:      perl:5.34.0
    Port:       <none>
    Host Port:  <none>
    Command:
      perl
      -Mbignum=bpi
      -wle
      print bpi(2000)
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age    From            Message
  ----    ------            ----   ----            -------
  Normal  SuccessfulCreate  2m40s  job-controller  Created pod: pi-9xw7q
  Normal  Completed         95s    job-controller  Job completed
`;

/** The pod template of every Job below but the reference one: labels first, then the fixed tail. */
const template = (name: string, uid: string, tail: string): string => `Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=${uid}
           batch.kubernetes.io/job-name=${name}
           controller-uid=${uid}
           job-name=${name}
  Containers:
   pi:
    Image:      perl:5.34.0
    Port:       <none>
    Host Port:  <none>
    Command:
      perl
      -Mbignum=bpi
      -wle
      print bpi(2000)
${tail}`;

const TAIL = `    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`;

const jobCases = [
  {
    name: "a completed Job prints Completed At and the Duration between start and completion, as in the reference",
    now: REF_NOW,
    objects: [
      completed,
      pod(completed, "pi-9xw7q", "Succeeded"),
      event(completed, 1, "Normal", "SuccessfulCreate", at(REF_NOW, 160), "job-controller", "Created pod: pi-9xw7q"),
      event(completed, 2, "Normal", "Completed", at(REF_NOW, 95), "job-controller", "Job completed"),
    ],
    want: COMPLETED_WANT,
  },
  {
    name: "a running Job of a CronJob shows its owner, TTL, deadline and the status counts with Ready, and no Duration",
    now: T0,
    objects: [running, pod(running, "work-a", "Running"), pod(running, "work-b", "Running"), pod(running, "work-c", "Succeeded")],
    want: `Name:                        work
Namespace:                   default
Selector:                    batch.kubernetes.io/controller-uid=uid-work
Labels:                      batch.kubernetes.io/controller-uid=uid-work
                             batch.kubernetes.io/job-name=work
                             controller-uid=uid-work
                             job-name=work
Annotations:                 <none>
Controlled By:               CronJob/pi-hourly
Parallelism:                 2
Completions:                 3
Completion Mode:             NonIndexed
Suspend:                     false
Backoff Limit:               6
TTL Seconds After Finished:  100
Start Time:                  Tue, 31 Dec 2024 23:59:20 +0000
Active Deadline Seconds:     600s
Pods Statuses:               2 Active (1 Ready) / 1 Succeeded / 0 Failed
${template("work", "uid-work", TAIL)}`,
  },
  {
    name: "a failed Job has no completion time, so neither Completed At nor Duration",
    now: T0,
    objects: [
      failed,
      pod(failed, "stuck-x", "Failed"),
      event(failed, 1, "Normal", "SuccessfulCreate", ago(600), "job-controller", "Created pod: stuck-x"),
      event(failed, 2, "Warning", "BackoffLimitExceeded", ago(590), "job-controller", "Job has reached the specified backoff limit"),
    ],
    want: `Name:             stuck
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=uid-stuck
Labels:           batch.kubernetes.io/controller-uid=uid-stuck
                  batch.kubernetes.io/job-name=stuck
                  controller-uid=uid-stuck
                  job-name=stuck
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    0
Start Time:       Tue, 31 Dec 2024 23:50:00 +0000
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 1 Failed
${template(
  "stuck",
  "uid-stuck",
  `    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type     Reason                Age    From            Message
  ----     ------                ----   ----            -------
  Normal   SuccessfulCreate      10m    job-controller  Created pod: stuck-x
  Warning  BackoffLimitExceeded  9m50s  job-controller  Job has reached the specified backoff limit
`,
)}`,
  },
  {
    name: "an Indexed Job lists its completed indexes, cut at the first comma after 50 characters",
    now: T0,
    objects: [indexed],
    want: `Name:               idx
Namespace:          default
Selector:           batch.kubernetes.io/controller-uid=uid-idx
Labels:             batch.kubernetes.io/controller-uid=uid-idx
                    batch.kubernetes.io/job-name=idx
                    controller-uid=uid-idx
                    job-name=idx
Annotations:        <none>
Parallelism:        3
Completions:        42
Completion Mode:    Indexed
Suspend:            false
Backoff Limit:      6
Start Time:         Tue, 31 Dec 2024 23:58:30 +0000
Pods Statuses:      3 Active (3 Ready) / 21 Succeeded / 0 Failed
Completed Indexes:  0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,...
${template("idx", "uid-idx", TAIL)}`,
  },
  {
    name: "a suspended Job prints Suspend true and, never started, no Start Time",
    now: T0,
    objects: [suspended],
    want: `Name:             later
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=uid-later
Labels:           batch.kubernetes.io/controller-uid=uid-later
                  batch.kubernetes.io/job-name=later
                  controller-uid=uid-later
                  job-name=later
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          true
Backoff Limit:    6
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 0 Failed
${template("later", "uid-later", TAIL)}`,
  },
  {
    name: "a Job the controller has not synced yet has no ready count, so Pods Statuses drops the (Ready) part",
    now: T0,
    objects: [unsynced],
    want: `Name:             fresh
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=uid-fresh
Labels:           batch.kubernetes.io/controller-uid=uid-fresh
                  batch.kubernetes.io/job-name=fresh
                  controller-uid=uid-fresh
                  job-name=fresh
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    6
Pods Statuses:    0 Active / 0 Succeeded / 0 Failed
${template("fresh", "uid-fresh", TAIL)}`,
  },
];

function cronJob(name: string, spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  const container = { name: "hello", image: "busybox:1.28", command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"] };
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace: "default", uid: `uid-${name}`, creationTimestamp: ago(3600) },
    spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [container] } } } }, ...spec },
    status,
  };
}

const hello = cronJob(
  "hello",
  { schedule: "*/1 * * * *", concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, startingDeadlineSeconds: 200 },
  {
    lastScheduleTime: ago(0),
    active: [
      { apiVersion: "batch/v1", kind: "Job", name: "hello-28928159", namespace: "default", uid: "uid-j1" },
      { apiVersion: "batch/v1", kind: "Job", name: "hello-28928160", namespace: "default", uid: "uid-j2" },
    ],
  },
);

// Hand-built without defaulting, so the history limits stay unset.
const nightly = cronJob(
  "nightly",
  { schedule: "0 2 * * *", timeZone: "America/New_York", concurrencyPolicy: "Forbid", suspend: true },
  {},
);
nightly.spec.jobTemplate.spec = { ...nightly.spec.jobTemplate.spec, parallelism: 2, completions: 4, activeDeadlineSeconds: 300, selector: { matchExpressions: [{ key: "tier", operator: "In", values: ["nightly", "batch"] }] } };

const HELLO_TEMPLATE = `Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.28
    Port:       <none>
    Host Port:  <none>
    Command:
      /bin/sh
      -c
      date; echo Hello from the Kubernetes cluster
`;

const cronCases = [
  {
    name: "a CronJob with active jobs prints the last schedule time, the active job names and its events",
    objects: [
      hello,
      event(hello, 1, "Normal", "SuccessfulCreate", ago(60), "cronjob-controller", "Created job hello-28928159"),
      event(hello, 2, "Normal", "SuccessfulCreate", ago(0), "cronjob-controller", "Created job hello-28928160"),
    ],
    want: `Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */1 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     200s
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
${HELLO_TEMPLATE}    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Wed, 01 Jan 2025 00:00:00 +0000
Active Jobs:         hello-28928159, hello-28928160
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  60s   cronjob-controller  Created job hello-28928159
  Normal  SuccessfulCreate  0s    cronjob-controller  Created job hello-28928160
`,
  },
  {
    name: "a suspended CronJob never scheduled says <unset> and <none>, and v1.32 does not print its time zone",
    objects: [nightly],
    want: `Name:                          nightly
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      0 2 * * *
Concurrency Policy:            Forbid
Suspend:                       True
Successful Job History Limit:  <unset>
Failed Job History Limit:      <unset>
Starting Deadline Seconds:     <unset>
Selector:                      tier in (batch,nightly)
Parallelism:                   2
Completions:                   4
Active Deadline Seconds:       300s
${HELLO_TEMPLATE}    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  <unset>
Active Jobs:         <none>
Events:              <none>
`,
  },
];

const ctx = (objects: KubeObject[], now: Instant) => ({ now, view: viewOf(new Store(objects), new Map()) });

suite("describe job", () => {
  it.each(jobCases)("$name", ({ objects, now, want }) => {
    expect(describe(objects[0], ctx(objects, now))).toBe(want);
  });
});

suite("describe cronjob", () => {
  it.each(cronCases)("$name", ({ objects, want }) => {
    expect(describe(objects[0], ctx(objects, T0))).toBe(want);
  });
});

suite("capIndexesListOrNone", () => {
  it.each([
    { name: "an empty list is <none>", indexes: "", want: "<none>" },
    { name: "a list no longer than the limit is kept whole", indexes: "1-3,7", want: "1-3,7" },
    { name: "a list without a comma after the limit is kept whole", indexes: "0-2,".padEnd(60, "9"), want: "0-2,".padEnd(60, "9") },
  ])("$name", ({ indexes, want }) => {
    expect(capIndexesListOrNone(indexes, 50)).toBe(want);
  });
});
