// Manifests shared by verb tests.

/** A pod `duo` whose two busybox containers sleep for an hour: for -c and "Defaulted container". */
export const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: first
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
  - name: second
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`;

/** A Job `fail` whose pods print a line and exit 1, retried twice (restartPolicy Never). */
export const FAILING_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: fail
        image: busybox
        command: ["sh", "-c", "echo failing; exit 1"]
`;

/** The docs' CronJob `hello`: every minute, busybox prints the date and a greeting. */
export const HELLO_CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.28
            command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
`;

/**
 * Applies FAILING_JOB and stops the clock when its first retry has just been created: one
 * Failed pod, and a newer one still being created.
 */
export async function failingJobRetrying(h: { run(...args: string[]): Promise<unknown>; file(name: string, content: string): string }): Promise<void> {
  await h.run("apply", "-f", h.file("job.yaml", FAILING_JOB));
  await h.run("wait", "--for=jsonpath={.status.failed}=1", "job/fail");
  await h.run("wait", "--for=jsonpath={.status.active}=1", "job/fail");
}
