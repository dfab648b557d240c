import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";


// Each case starts with deployment web (nginx, 2 replicas).
const setup = async () => {
  const h = await harness();
  await h.run("create", "deployment", "web", "--image=nginx", "--replicas=2");
  return h;
};

describe("kubectl patch", () => {
  const cases = [
    { name: "applies a strategic merge patch", args: ["deploy", "web", "-p", '{"spec":{"replicas":3}}'], want: ok("deployment.apps/web patched\n") },
    { name: "says when nothing changed", args: ["deploy", "web", "-p", '{"spec":{"replicas":2}}'], want: ok("deployment.apps/web patched (no change)\n") },
    { name: "accepts YAML", args: ["deploy/web", "-p", "spec:\n  replicas: 4"], want: ok("deployment.apps/web patched\n") },
    { name: "merges containers by name", args: ["deploy", "web", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'], want: ok("deployment.apps/web patched\n") },
    { name: "applies a JSON merge patch", args: ["deploy", "web", "--type=merge", "-p", '{"metadata":{"labels":{"tier":"web"}}}'], want: ok("deployment.apps/web patched\n") },
    { name: "applies a JSON patch", args: ["deploy", "web", "--type", "json", "-p", '[{"op":"replace","path":"/spec/replicas","value":1}]'], want: ok("deployment.apps/web patched\n") },
    { name: "marks a client dry run", args: ["deploy", "web", "-p", '{"spec":{"replicas":3}}', "--dry-run=client"], want: ok("deployment.apps/web patched (dry run)\n") },
    { name: "patches through the scale subresource", args: ["deploy", "web", "--subresource=scale", "--type=merge", "-p", '{"spec":{"replicas":5}}'], want: ok("scale.autoscaling/web patched\n") },
    { name: "warns about and drops unknown fields", args: ["deploy", "web", "-p", '{"spec":{"foo":1}}'], want: { stdout: "deployment.apps/web patched (no change)\n", stderr: 'Warning: unknown field "spec.foo"\n', code: 0 } },
    { name: "reports a JSON patch that does not apply", args: ["deploy", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/a/b","value":1}]'], want: fail("The request is invalid: the server rejected our request due to an error in our request\n") },
    { name: "reports a JSON patch that is not a list", args: ["deploy", "web", "--type=json", "-p", '{"op":"add"}'], want: fail("Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n") },
    { name: "reports a patch that does not parse", args: ["deploy", "web", "-p", "a: ["], want: fail('error: unable to parse "a: [": yaml: line 1: did not find expected node content\n') },
    { name: "reports a bad --type", args: ["deploy", "web", "-p", "{}", "--type=foo"], want: fail('error: --type must be one of [json merge strategic], not "foo"\n') },
    { name: "requires a patch", args: ["deploy", "web"], want: fail("error: must specify --patch or --patch-file containing the contents of the patch\n") },
    { name: "refuses -p with --patch-file", args: ["deploy", "web", "-p", "{}", "--patch-file", "x.yaml"], want: fail("error: cannot specify --patch and --patch-file together\n") },
    { name: "reports a missing object", args: ["deploy", "nope", "-p", "{}"], want: fail('Error from server (NotFound): deployments.apps "nope" not found\n') },
    { name: "reports an invalid result", args: ["deploy", "web", "-p", '{"spec":{"replicas":-1}}'], want: fail('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n') },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("patch", ...args)).toEqual(want);
  });

  it("reads --patch-file and stores the result", async () => {
    const h = await setup();
    const file = h.file("patch.yaml", "spec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.26\n");
    expect(await h.run("patch", "deploy", "web", "--patch-file", file)).toEqual(ok("deployment.apps/web patched\n"));
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[*].image}")).stdout).toBe("nginx:1.26");
  });
});
