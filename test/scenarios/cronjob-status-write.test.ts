// Scenario: the docs' hello CronJob (manifests/cronjob.yaml) at its first minute. Upstream's
// syncCronJob creates the Job, then writes the CronJob's status once, with the Job in
// status.active (the reference taken from the create's response) and lastScheduleTime: the
// status write is the very next write after the Job's creation, and the only one until the Job
// finishes.

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { harness, ok } from "../cli-harness";

const MANIFEST = fs.readFileSync(path.join(import.meta.dirname, "../../manifests/cronjob.yaml"), "utf8");
const STATUS = "jsonpath={.metadata.resourceVersion} {.status.active[*].name} {.status.active[*].resourceVersion} {.status.lastScheduleTime}";

describe("the CronJob controller's status write", () => {
  it("puts the Job it created in status.active in the one write that follows the create", async () => {
    const h = await harness();
    expect(await h.run("apply", "-f", h.file("cronjob.yaml", MANIFEST))).toEqual(ok("cronjob.batch/hello created\n"));
    // The Job of 00:01 is created at 00:01:00.1; its pod completes a second later.
    expect((await h.run("sim", "advance", "61s")).code).toBe(0);
    const [cronJobVersion, active, jobVersion, lastSchedule] = (await h.run("get", "cronjob", "hello", "-o", STATUS)).stdout.split(" ");
    expect([active, lastSchedule]).toEqual(["hello-28928161", "2025-01-01T00:01:00Z"]);
    expect(Number(cronJobVersion)).toBe(Number(jobVersion) + 1);
  });
});
