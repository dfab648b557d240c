import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../../test/cli-harness";

// Expected texts were captured from kubectl v1.32 with the same flags; for --from, against an API
// server serving the CronJob kubesim stored from NIGHTLY.
const PI_JSON = `{
    "kind": "Job",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "pi",
        "namespace": "batch",
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
                        "name": "pi",
                        "image": "perl:5.34",
                        "command": [
                            "perl",
                            "-e",
                            "print 1"
                        ],
                        "resources": {}
                    }
                ],
                "restartPolicy": "Never"
            }
        }
    },
    "status": {}
}
`;

const X_SAVE_CONFIG = `apiVersion: batch/v1
kind: Job
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"x","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"x","image":"busybox","command":["echo","\\u003ca\\u0026b\\u003e"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}}
  creationTimestamp: null
  name: x
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - <a&b>
        image: busybox
        name: x
        resources: {}
      restartPolicy: Never
status: {}
`;

/** A CronJob whose template already holds every default, so the stored object is this one. */
const NIGHTLY = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    metadata:
      labels: {tier: batch, app: report}
      annotations: {owner: ops}
    spec:
      backoffLimit: 2
      activeDeadlineSeconds: 600
      template:
        metadata:
          creationTimestamp: null
          labels: {app: report}
        spec:
          restartPolicy: OnFailure
          terminationGracePeriodSeconds: 30
          dnsPolicy: ClusterFirst
          schedulerName: default-scheduler
          securityContext: {}
          containers:
          - name: report
            image: busybox:1.36
            imagePullPolicy: IfNotPresent
            args: [sh, -c, "date; echo done"]
            env: [{name: MODE, value: full}]
            resources: {limits: {memory: 64Mi}}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
`;

const MANUAL_1 = (uid: string) => `apiVersion: batch/v1
kind: Job
metadata:
  annotations:
    cronjob.kubernetes.io/instantiate: manual
    owner: ops
  creationTimestamp: null
  labels:
    app: report
    tier: batch
  name: manual-1
  ownerReferences:
  - apiVersion: batch/v1
    controller: true
    kind: CronJob
    name: nightly
    uid: ${uid}
spec:
  activeDeadlineSeconds: 600
  backoffLimit: 2
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: report
    spec:
      containers:
      - args:
        - sh
        - -c
        - date; echo done
        env:
        - name: MODE
          value: full
        image: busybox:1.36
        imagePullPolicy: IfNotPresent
        name: report
        resources:
          limits:
            memory: 64Mi
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: OnFailure
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status: {}
`;

/** kubectl's -o json of MANUAL_1, compacted: Go struct order, maps sorted. */
const MANUAL_1_JSON = (uid: string) =>
  `{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"manual-1","creationTimestamp":null,"labels":{"app":"report","tier":"batch"},"annotations":{"cronjob.kubernetes.io/instantiate":"manual","owner":"ops"},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"nightly","uid":"${uid}","controller":true}]},"spec":{"activeDeadlineSeconds":600,"backoffLimit":2,"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"report"}},"spec":{"containers":[{"name":"report","image":"busybox:1.36","args":["sh","-c","date; echo done"],"env":[{"name":"MODE","value":"full"}],"resources":{"limits":{"memory":"64Mi"}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"OnFailure","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}}},"status":{}}`;

describe("kubectl create job --image", () => {
  const cases = [
    { name: "prints the Job kubectl builds, in Go field order with -o json", args: ["pi", "--image=perl:5.34", "-n", "batch", "--dry-run=client", "-o", "json", "--", "perl", "-e", "print 1"], want: ok(PI_JSON) },
    { name: "stores the last-applied annotation with --save-config, escaped as Go escapes it", args: ["x", "--image=busybox", "--save-config", "--dry-run=client", "-o", "yaml", "--", "echo", "<a&b>"], want: ok(X_SAVE_CONFIG) },
    { name: "prints the dry-run line", args: ["x", "--image=busybox", "--dry-run=client"], want: ok("job.batch/x created (dry run)\n") },
    { name: "takes --image as one string, the last one given", args: ["x", "--image=a,b", "--image=c,d", "--dry-run=client", "-o", "jsonpath={.spec.template.spec.containers[*].image}"], want: ok("c,d") },
    { name: "requires a NAME", args: ["--image=busybox", "--", "date"], want: fail("error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n") },
    { name: "requires exactly one NAME", args: ["a", "b", "--image=busybox"], want: fail("error: exactly one NAME is required, got 2\nSee 'kubectl create job -h' for help and examples\n") },
    { name: "requires --image or --from", args: ["x"], want: fail("error: either --image or --from must be specified\n") },
    { name: "refuses both --image and --from", args: ["x", "--image=busybox", "--from=cronjob/nightly"], want: fail("error: either --image or --from must be specified\n") },
    { name: "refuses a command with --from", args: ["x", "--from=cronjob/nightly", "--", "date"], want: fail("error: cannot specify --from and command\n") },
    { name: "checks --validate after the name", args: ["x", "--image=busybox", "--validate=bogus"], want: fail('error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n') },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await harness();
    expect(await h.run("create", "job", ...args)).toEqual(want);
  });

  it("creates the Job, then refuses a second one with the generator's wrapped error", async () => {
    const h = await harness();
    expect(await h.run("create", "job", "pi", "--image=perl:5.34", "--", "perl", "-e", "print 1")).toEqual(ok("job.batch/pi created\n"));
    expect(await h.run("create", "job", "pi", "--image=perl:5.34")).toEqual(fail('error: failed to create job: jobs.batch "pi" already exists\n'));
  });
});

describe("kubectl create job --from", () => {
  async function withNightly() {
    const h = await harness();
    await h.run("create", "-f", h.file("nightly.yaml", NIGHTLY));
    const uid = (await h.run("get", "cronjob", "nightly", "-o", "jsonpath={.metadata.uid}")).stdout;
    return { h, uid };
  }

  it("builds the Job from the CronJob's jobTemplate, owned by the CronJob", async () => {
    const { h, uid } = await withNightly();
    expect(await h.run("create", "job", "manual-1", "--from=cronjob/nightly", "--dry-run=client", "-o", "yaml")).toEqual(ok(MANUAL_1(uid)));
  });

  it("writes the template's spec as kubectl's typed client re-encodes it with -o json", async () => {
    const { h, uid } = await withNightly();
    const r = await h.run("create", "job", "manual-1", "--from=cj/nightly", "--dry-run=client", "-o", "json");
    expect(JSON.stringify(JSON.parse(r.stdout))).toBe(MANUAL_1_JSON(uid));
  });

  it("creates the Job", async () => {
    const { h } = await withNightly();
    expect(await h.run("create", "job", "manual-1", "--from=cronjobs.batch/nightly")).toEqual(ok("job.batch/manual-1 created\n"));
  });

  const errors = [
    { name: "reports a missing CronJob as the server does", from: "cronjob/nope", want: fail('Error from server (NotFound): cronjobs.batch "nope" not found\n') },
    { name: "refuses another kind by its Go type", from: "deployment/web", want: fail("error: unknown object type *v1.Deployment\n") },
    { name: "needs a name, not only a type", from: "cronjob", want: fail("error: resource(s) were provided, but no name was specified\n") },
    { name: "reports an unknown type", from: "nightly", want: fail('error: the server doesn\'t have a resource type "nightly"\n') },
  ];
  it.each(errors)("$name", async ({ from, want }) => {
    const { h } = await withNightly();
    await h.run("create", "deployment", "web", "--image=nginx");
    expect(await h.run("create", "job", "j", `--from=${from}`, "--dry-run=client", "-o", "yaml")).toEqual(want);
  });
});
