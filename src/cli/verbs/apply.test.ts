import { describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  b: \"2\"\n";
const deployment = (replicas: number, extra = "") =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n${extra}  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n`;
const MISSING =
  "Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n";

describe("kubectl apply", () => {
  it("creates, then reports unchanged, then configured after the file changes", async () => {
    const h = await harness();
    h.file("web.yaml", deployment(2));
    expect(await h.run("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web created\n", stderr: "", code: 0 });
    expect(await h.run("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web unchanged\n", stderr: "", code: 0 });
    h.file("web.yaml", deployment(3));
    expect(await h.run("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web configured\n", stderr: "", code: 0 });
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).stdout).toBe("3");
  });

  it("writes the last-applied annotation exactly as kubectl does", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    await h.run("apply", "-f", "cm.yaml");
    const got = await h.run("get", "cm", "cfg", "-o", "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}");
    expect(got).toEqual({
      stdout: '{"apiVersion":"v1","data":{"a":"1","b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n',
      stderr: "",
      code: 0,
    });
  });

  it("deletes a field removed from the file but keeps one another writer added", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    await h.run("apply", "-f", "cm.yaml");
    await h.run("label", "cm", "cfg", "team=x");
    h.file("cm.yaml", CM.replace('  b: "2"\n', ""));
    expect(await h.run("apply", "-f", "cm.yaml")).toEqual({ stdout: "configmap/cfg configured\n", stderr: "", code: 0 });
    expect((await h.run("get", "cm", "cfg", "-o", "jsonpath={.data}")).stdout).toBe('{"a":"1"}');
  });

  it("warns about and patches in a missing annotation on an object made by create", async () => {
    const h = await harness();
    h.file("web.yaml", deployment(2));
    await h.run("create", "-f", "web.yaml");
    expect(await h.run("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web configured\n", stderr: MISSING, code: 0 });
    expect(await h.run("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web unchanged\n", stderr: "", code: 0 });
  });

  it("applies the good documents of a file, reports the bad one at the end, and exits 1", async () => {
    const h = await harness();
    h.file(
      "all.yaml",
      CM + "---\napiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n",
    );
    expect(await h.run("apply", "-f", "all.yaml")).toEqual({
      stdout: "configmap/cfg created\nsecret/s created\n",
      stderr:
        'resource mapping not found for name: "web" namespace: "" from "all.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n' +
        "Error from server (Invalid): error when creating \"all.yaml\": ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
      code: 1,
    });
  });

  it("rejects an unknown field under strict validation and warns about it under --validate=warn", async () => {
    const h = await harness();
    h.file("web.yaml", deployment(2).replace("  replicas: 2\n", "  replica: 2\n"));
    expect(await h.run("apply", "-f", "web.yaml")).toEqual({
      stdout: "",
      stderr: 'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
      code: 1,
    });
    expect(await h.run("apply", "-f", "web.yaml", "--validate=warn")).toEqual({
      stdout: "deployment.apps/web created\n",
      stderr: 'Warning: unknown field "spec.replica"\n',
      code: 0,
    });
  });

  it("prints the client-side errors of the files", async () => {
    const h = await harness();
    h.file("nokind.yaml", "apiVersion: v1\nmetadata:\n  name: a\n");
    h.file("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: y: z\n");
    expect(await h.run("apply")).toEqual({ stdout: "", stderr: "error: must specify one of -f and -k\n", code: 1 });
    expect(await h.run("apply", "-f", "x.yaml")).toEqual({ stdout: "", stderr: 'error: the path "x.yaml" does not exist\n', code: 1 });
    expect(await h.run("apply", "-f", "nokind.yaml")).toEqual({
      stdout: "",
      stderr: 'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
      code: 1,
    });
    expect(await h.run("apply", "-f", "bad.yaml")).toEqual({
      stdout: "",
      stderr: "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context\n",
      code: 1,
    });
  });

  it("refuses a namespace in the file that differs from -n", async () => {
    const h = await harness();
    h.file("cm.yaml", CM.replace("  name: cfg\n", "  name: cfg\n  namespace: a\n"));
    expect(await h.run("apply", "-f", "cm.yaml", "-n", "b")).toEqual({
      stdout: "",
      stderr: `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.\n`,
      code: 1,
    });
  });

  it("changes nothing under --dry-run and says so", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    expect(await h.run("apply", "-f", "cm.yaml", "--dry-run=client")).toEqual({ stdout: "configmap/cfg created (dry run)\n", stderr: "", code: 0 });
    expect(await h.run("apply", "-f", "cm.yaml", "--dry-run=server")).toEqual({ stdout: "configmap/cfg created (server dry run)\n", stderr: "", code: 0 });
    expect(await h.run("get", "cm", "cfg")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): configmaps "cfg" not found\n', code: 1 });
  });

  it("reads standard input and prints -o name", async () => {
    const h = await harness();
    expect(await h.runWith({ stdin: CM }, "apply", "-f", "-", "-o", "name")).toEqual({ stdout: "configmap/cfg\n", stderr: "", code: 0 });
  });

  it("applies a directory's files in name order, recursively with -R", async () => {
    const h = await harness();
    h.file("dir/b.yaml", CM.replace("cfg", "b"));
    h.file("dir/a.yaml", CM.replace("cfg", "a"));
    h.file("dir/sub/c.yml", CM.replace("cfg", "c"));
    expect(await h.run("apply", "-f", "dir")).toEqual({ stdout: "configmap/a created\nconfigmap/b created\n", stderr: "", code: 0 });
    expect(await h.run("apply", "-f", "dir", "-R")).toEqual({ stdout: "configmap/a unchanged\nconfigmap/b unchanged\nconfigmap/c created\n", stderr: "", code: 0 });
  });
});
