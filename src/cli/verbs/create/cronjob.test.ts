import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../../test/cli-harness";

// Expected texts were captured from kubectl v1.32 with the same flags and --dry-run=client.
const TICK_JSON = `{
    "kind": "CronJob",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "tick",
        "creationTimestamp": null
    },
    "spec": {
        "schedule": "*/1 * * * *",
        "jobTemplate": {
            "metadata": {
                "name": "tick",
                "creationTimestamp": null
            },
            "spec": {
                "template": {
                    "metadata": {
                        "creationTimestamp": null
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "tick",
                                "image": "busybox",
                                "command": [
                                    "date"
                                ],
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "Never"
                    }
                }
            }
        }
    },
    "status": {}
}
`;

const TICK_YAML = `apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: tick
  namespace: ops
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: tick
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - sh
            - -c
            - echo 1
            image: busybox
            name: tick
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`;

const EVERY_MINUTE = "--schedule=*/1 * * * *";

describe("kubectl create cronjob", () => {
  const cases = [
    { name: "prints the CronJob kubectl builds, in Go field order with -o json", args: ["tick", "--image=busybox", EVERY_MINUTE, "--restart=Never", "--dry-run=client", "-o", "json", "--", "date"], want: ok(TICK_JSON) },
    { name: "defaults --restart to OnFailure and sets the namespace given with -n", args: ["tick", "--image=busybox", EVERY_MINUTE, "-n", "ops", "--dry-run=client", "-o", "yaml", "--", "sh", "-c", "echo 1"], want: ok(TICK_YAML) },
    { name: "sends any --restart unchecked (the server judges it)", args: ["tick", "--image=busybox", EVERY_MINUTE, "--restart=Always", "--dry-run=client", "-o", "jsonpath={.spec.jobTemplate.spec.template.spec.restartPolicy}"], want: ok("Always") },
    { name: "prints the dry-run line", args: ["tick", "--image=busybox", EVERY_MINUTE, "--dry-run=client"], want: ok("cronjob.batch/tick created (dry run)\n") },
    { name: "requires --schedule", args: ["tick", "--image=busybox"], want: fail('error: required flag(s) "schedule" not set\n') },
    { name: "requires --image", args: ["tick", EVERY_MINUTE], want: fail('error: required flag(s) "image" not set\n') },
    { name: "reports missing flags before a missing NAME, as cobra does", args: [], want: fail('error: required flag(s) "image", "schedule" not set\n') },
    { name: "requires exactly one NAME", args: ["a", "b", "--image=busybox", EVERY_MINUTE], want: fail("error: exactly one NAME is required, got 2\nSee 'kubectl create cronjob -h' for help and examples\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await harness();
    expect(await h.run("create", "cronjob", ...args)).toEqual(want);
  });

  it("answers to its alias cj and says so in its help", async () => {
    const h = await harness();
    const help = await h.run("create", "cj", "-h");
    expect(help.stdout).toContain("Aliases:\ncronjob, cj\n");
    expect(help.stdout).toContain("Usage:\n  kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]\n");
  });

  it("creates the CronJob, then refuses a second one with the generator's wrapped error", async () => {
    const h = await harness();
    expect(await h.run("create", "cj", "tick", "--image=busybox", EVERY_MINUTE)).toEqual(ok("cronjob.batch/tick created\n"));
    expect(await h.run("create", "cronjob", "tick", "--image=busybox", EVERY_MINUTE)).toEqual(fail('error: failed to create cronjob: cronjobs.batch "tick" already exists\n'));
  });

  it("wraps the server's refusal of a restart policy a Job cannot have", async () => {
    const h = await harness();
    expect(await h.run("create", "cronjob", "tick", "--image=busybox", EVERY_MINUTE, "--restart=Always")).toEqual(
      fail('error: failed to create cronjob: CronJob.batch "tick" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n'),
    );
  });
});
