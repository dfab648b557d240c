import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../../test/cli-harness";

// Expected -o yaml texts were captured from kubectl v1.32 with the same flags and --dry-run=client.
const WEB_3_REPLICAS_PORT_80 = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`;

const WEB_COMMAND = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - command:
        - sleep
        - "10"
        - "20"
        image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`;

const WEB_SAVE_CONFIG = `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`;


describe("kubectl create deployment", () => {
  const cases = [
    { name: "prints the object kubectl builds for --replicas and --port", args: ["web", "--image=nginx", "--replicas=3", "--port=80", "--dry-run=client", "-o", "yaml"], want: ok(WEB_3_REPLICAS_PORT_80) },
    { name: "puts the arguments after -- into command", args: ["web", "--image=nginx", "--port=80", "--dry-run=client", "-o", "yaml", "--", "sleep", "10", "20"], want: ok(WEB_COMMAND) },
    { name: "stores the last-applied annotation with --save-config", args: ["web", "--image=nginx", "--save-config", "--dry-run=client", "-o", "yaml"], want: ok(WEB_SAVE_CONFIG) },
    { name: "prints the dry-run line", args: ["web", "--image=nginx", "--dry-run=client"], want: ok("deployment.apps/web created (dry run)\n") },
    { name: "prints the name alone with -o name", args: ["web", "--image=nginx", "--dry-run=client", "-o", "name"], want: ok("deployment.apps/web\n") },
    { name: "requires --image", args: ["web"], want: fail('error: required flag(s) "image" not set\n') },
    { name: "requires exactly one NAME", args: ["a", "b", "--image=nginx"], want: fail("error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n") },
    { name: "counts only the names before --", args: ["--image=nginx", "--", "date"], want: fail("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n") },
    { name: "takes --image as a comma-separated list, one container each", args: ["web", "--image=nginx,busybox:1.36", "--dry-run=client", "-o", "jsonpath={.spec.template.spec.containers[*].name}"], want: ok("nginx busybox") },
    { name: "refuses a command with several images", args: ["web", "--image=nginx", "--image=busybox", "--", "date"], want: fail("error: cannot specify multiple --image options and command\n") },
    { name: "rejects a non-integer --replicas as pflag does", args: ["web", "--image=nginx", "--replicas=x"], want: fail('Error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl create deployment --help\' for usage.\n') },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await harness();
    expect(await h.run("create", "deployment", ...args)).toEqual(want);
  });

  it("names containers after their images, sanitizing with a random suffix", async () => {
    const h = await harness();
    const r = await h.run("create", "deployment", "web", "--image=busybox:1.36", "--image=registry.k8s.io/pause:3.9", "--image=my.reg:5000/a/b_c.D@sha256:abc", "--dry-run=client", "-o", "jsonpath={.spec.template.spec.containers[*].name}");
    expect(r.stdout).toMatch(/^busybox pause b-c-D-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("creates the deployment, then refuses a second one with the generator's wrapped error", async () => {
    const h = await harness();
    expect(await h.run("create", "deploy", "web", "--image=nginx")).toEqual(ok("deployment.apps/web created\n"));
    expect(await h.run("create", "deployment", "web", "--image=nginx")).toEqual(fail('error: failed to create deployment: deployments.apps "web" already exists\n'));
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.metadata.labels.app}")).stdout).toBe("1 web");
  });

  it("wraps the server's validation error with its causes", async () => {
    const h = await harness();
    expect(await h.run("create", "deployment", "Web", "--image=nginx")).toEqual(
      fail(
        `error: failed to create deployment: Deployment.apps "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
      ),
    );
  });
});
