import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";

const HINT = "See 'kubectl run -h' for help and examples\n";

// Expected texts captured from kubectl v1.32 with the same flags and --dry-run=client.
const BASIC = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
  name: x
spec:
  containers:
  - image: nginx
    name: x
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`;

const FULL = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    a: b
    c: d
  name: x
spec:
  containers:
  - args:
    - sleep
    - "10"
    env:
    - name: A
      value: "1"
    - name: B
      value: "2"
    image: nginx
    name: x
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`;

const COMMAND = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
  name: x
spec:
  containers:
  - command:
    - sh
    - -c
    - echo hi
    image: nginx
    name: x
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: OnFailure
status: {}
`;

const OVERRIDDEN = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
    z: "1"
  name: x
spec:
  containers:
  - image: busybox
    name: "y"
    resources: {}
  dnsPolicy: ClusterFirst
  nodeName: n1
  restartPolicy: Always
status: {}
`;

const IN_NAMESPACE = BASIC.replace("  name: x\n", "  name: x\n  namespace: foo\n");

describe("kubectl run", () => {
  const cases = [
    { name: "builds a pod labelled run=NAME", args: ["x", "--image=nginx", "--dry-run=client", "-o", "yaml"], want: ok(BASIC) },
    { name: "puts labels, env, port, restart policy and args on the pod", args: ["x", "--image=nginx", "--restart=Never", "--env=A=1", "--env=B=2", "--labels=a=b,c=d", "--port=80", "--dry-run=client", "-o", "yaml", "--", "sleep", "10"], want: ok(FULL) },
    { name: "uses the arguments as command with --command", args: ["x", "--image=nginx", "--restart=OnFailure", "--command", "--dry-run=client", "-o", "yaml", "--", "sh", "-c", "echo hi"], want: ok(COMMAND) },
    { name: "merges --overrides as a JSON merge patch", args: ["x", "--image=nginx", "--dry-run=client", "-o", "yaml", '--overrides={"spec":{"nodeName":"n1","containers":[{"name":"y","image":"busybox"}]},"metadata":{"labels":{"z":"1"}}}'], want: ok(OVERRIDDEN) },
    { name: "sets the namespace given with -n", args: ["x", "--image=nginx", "-n", "foo", "--dry-run=client", "-o", "yaml"], want: ok(IN_NAMESPACE) },
    { name: "prints the dry-run line", args: ["x", "--image=nginx", "--dry-run=client"], want: ok("pod/x created (dry run)\n") },
    { name: "requires --image", args: ["x"], want: fail('error: required flag(s) "image" not set\n') },
    { name: "requires a NAME", args: ["--image=nginx"], want: fail("error: NAME is required for run\n" + HINT) },
    { name: "rejects an unknown restart policy", args: ["x", "--image=nginx", "--restart=Foo"], want: fail("error: invalid restart policy: Foo\n" + HINT) },
    { name: "rejects --rm without attaching", args: ["x", "--image=nginx", "--rm"], want: fail("error: --rm should only be used for attached containers\n" + HINT) },
    { name: "rejects -t without -i", args: ["x", "--image=nginx", "-t"], want: fail("error: -i/--stdin is required for containers with -t/--tty=true\n" + HINT) },
    { name: "rejects a dry run of an attached pod", args: ["x", "--image=nginx", "-i", "--dry-run=client"], want: fail("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n" + HINT) },
    { name: "rejects an env without =", args: ["x", "--image=nginx", "--env=A", "--dry-run=client"], want: fail("error: invalid env: A\n") },
    { name: "rejects a label without =", args: ["x", "--image=nginx", "--labels=a", "--dry-run=client"], want: fail("error: unexpected label spec: a\n") },
    { name: "rejects a non-numeric port", args: ["x", "--image=nginx", "--port=abc", "--dry-run=client"], want: fail('error: strconv.Atoi: parsing "abc": invalid syntax\n') },
    { name: "rejects overrides that are not JSON", args: ["x", "--image=nginx", "--overrides={bad", "--dry-run=client"], want: fail("error: Invalid JSON Patch\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await harness();
    expect(await h.run("run", ...args)).toEqual(want);
  });

  it("creates the pod and reports AlreadyExists for a second one", async () => {
    const h = await harness();
    expect(await h.run("run", "x", "--image=nginx")).toEqual(ok("pod/x created\n"));
    expect(await h.run("run", "x", "--image=nginx")).toEqual(fail('Error from server (AlreadyExists): pods "x" already exists\n'));
  });

  it("with -i -t --rm waits for the pod, prints attach's notices, and deletes the pod after the session", async () => {
    const h = await harness();
    // Attached to a running server, nothing new is printed (its start-up lines came before the
    // attach); with restart Always the session ends as soon as the pod runs.
    expect(await h.run("run", "k", "--image=nginx", "-i", "-t", "--rm")).toEqual({
      stdout: 'pod "k" deleted\n',
      stderr: "Unable to use a TTY - input is not a terminal or the right kind of file\nIf you don't see a command prompt, try pressing enter.\n",
      code: 0,
    });
    // --rm does not wait (run's --wait defaults to false): nginx is still stopping on SIGTERM.
    expect((await h.run("get", "pod", "k", "--no-headers")).stdout).toContain("Terminating");
    await h.run("sim", "advance", "2s");
    expect(await h.run("get", "pod", "k")).toEqual(fail('Error from server (NotFound): pods "k" not found\n'));
  });

  it("with --restart=Never waits for the container to exit, bounded by --pod-running-timeout", async () => {
    const h = await harness();
    expect(await h.run("run", "n", "--image=nginx", "-i", "--rm", "--restart=Never", "--pod-running-timeout=30s")).toEqual({
      stdout: 'pod "n" deleted\n',
      stderr: "If you don't see a command prompt, try pressing enter.\nerror: timed out waiting for the condition\n",
      code: 1,
    });
  });

  it.each([
    { what: "a command that is done before the attach shows its whole output (kubectl falls back to its log)", script: "echo out; echo err >&2", out: "out\n", err: "err\n", code: 0 },
    { what: "a command that runs on shows what it prints after the attach, then its exit", script: "sleep 2; echo later; exit 3", out: "later\n", err: "pod default/q terminated (Error)\n", code: 3 },
  ])("with -i --rm --restart=Never: $what", async ({ script, out, err, code }) => {
    const h = await harness();
    const r = await h.run("run", "q", "-i", "--rm", "--restart=Never", "--image=busybox", "--", "sh", "-c", script);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe(`${out}pod "q" deleted\n`);
    expect(r.stderr.replace("If you don't see a command prompt, try pressing enter.\n", "")).toBe(err);
  });

  it("with --attach and restart Always returns once the pod runs", async () => {
    const h = await harness();
    expect(await h.run("run", "a", "--image=nginx", "--attach", "-q")).toEqual(ok(""));
    expect((await h.run("get", "pod", "a", "-o", "jsonpath={.status.phase}")).stdout).toBe("Running");
  });
});
