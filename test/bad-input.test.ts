// The bad-input catalog (issue 7): each entry is input a user may feed kubesim, the exact
// message kubectl prints for it (../shared/reference/kubectl-output.md §5, or the real kubectl
// where it answers offline), exit code 1, and the state file left byte for byte as it was.
// Keep it growing with each new kind.

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { harness } from "./cli-harness";

const deployment = (name: string, labels: string, selector: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${selector}
  template:
    metadata:
      labels:
        app: ${labels}
    spec:
      containers:
      - name: c
        image: nginx
${extra}`;

const RFC1123 =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

interface Entry {
  name: string;
  /** The file written as x.yaml (its path is $F in args and stderr). */
  file?: string;
  args: string[];
  stderr: string;
}

const catalog: Entry[] = [
  {
    name: "malformed YAML, with its line",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: [1\n",
    args: ["apply", "-f", "$F"],
    stderr: "error: error parsing $F: error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'\n",
  },
  { name: "an empty file", file: "", args: ["apply", "-f", "$F"], stderr: "error: no objects passed to apply\n" },
  { name: "a file of only ---", file: "---\n", args: ["apply", "-f", "$F"], stderr: "error: no objects passed to apply\n" },
  {
    name: "kind missing",
    file: "apiVersion: v1\nmetadata:\n  name: a\n",
    args: ["apply", "-f", "$F"],
    stderr: 'error: error validating "$F": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  {
    name: "an unknown kind",
    file: "apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n",
    args: ["apply", "-f", "$F"],
    stderr: 'error: resource mapping not found for name: "web" namespace: "" from "$F": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n',
  },
  {
    name: "an unknown field (strict field validation)",
    file: deployment("web", "web", "web", "        imagePullPolicyy: Always\n"),
    args: ["create", "-f", "$F"],
    stderr:
      'Error from server (BadRequest): error when creating "$F": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"\n',
  },
  { name: "a missing -f file", args: ["apply", "-f", "nope.yaml"], stderr: 'error: the path "nope.yaml" does not exist\n' },
  {
    name: "an invalid name (uppercase, underscore)",
    file: deployment("My_App", "web", "web"),
    args: ["create", "-f", "$F"],
    stderr: `The Deployment "My_App" is invalid: metadata.name: Invalid value: "My_App": ${RFC1123}\n`,
  },
  {
    name: "negative replicas",
    file: deployment("web", "web", "web").replace("spec:\n  selector", "spec:\n  replicas: -1\n  selector"),
    args: ["create", "-f", "$F"],
    stderr: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
  },
  {
    name: "a selector that does not match the template's labels",
    file: deployment("web", "web", "other"),
    args: ["create", "-f", "$F"],
    stderr: 'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
  },
  {
    name: "a container without an image",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "x" is invalid: spec.containers[0].image: Required value\n',
  },
  {
    name: "a namespace that does not exist",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: dev\n",
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (NotFound): error when creating "$F": namespaces "dev" not found\n',
  },
  {
    name: "generateName with apply",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n",
    args: ["apply", "-f", "$F"],
    stderr: "error: from gen-: cannot use generate name with apply\n",
  },
  { name: "apply without -f", args: ["apply"], stderr: "error: must specify one of -f and -k\n" },
  {
    name: "a namespace in the file that differs from -n",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n",
    args: ["apply", "-f", "$F", "-n", "kube-public"],
    stderr: `error: the namespace from the provided object "default" does not match the namespace "kube-public". You must pass '--namespace=default' to perform this operation.\n`,
  },
  {
    name: "an invalid label key",
    file: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    "bad key!": v\n',
    args: ["create", "-f", "$F"],
    stderr: `The ConfigMap "a" is invalid: metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
  },
  {
    name: "an invalid label value",
    file: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    k: "bad value!"\n',
    args: ["create", "-f", "$F"],
    stderr: `The ConfigMap "a" is invalid: metadata.labels: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
  },
  {
    name: "a name longer than 253 characters",
    file: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${"a".repeat(254)}\n`,
    args: ["create", "-f", "$F"],
    stderr: `The ConfigMap "${"a".repeat(254)}" is invalid: metadata.name: Invalid value: "${"a".repeat(254)}": must be no more than 253 characters\n`,
  },
  {
    name: "a type given twice (TYPE and TYPE/NAME)",
    args: ["get", "pod", "a/b"],
    stderr:
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
  },
  { name: "an unknown resource type", args: ["get", "foo"], stderr: 'error: the server doesn\'t have a resource type "foo"\n' },
];

describe("the bad-input catalog: kubectl's message, exit 1, nothing changed", () => {
  it.each(catalog)("$name", async ({ file, args, stderr }) => {
    const h = await harness();
    const f = file === undefined ? "" : h.file("x.yaml", file);
    await h.run("get", "ns");
    const state = path.join(path.dirname(f || h.file("probe", "")), "state.json");
    const before = fs.readFileSync(state);
    const r = await h.run(...args.map((a) => a.replace("$F", f)));
    expect(r).toEqual({ stdout: "", stderr: stderr.replaceAll("$F", f), code: 1 });
    expect(fs.readFileSync(state).equals(before)).toBe(true);
  });
});

describe("changes to immutable fields are refused and change nothing", () => {
  it("a Deployment's selector", async () => {
    const h = await harness();
    await h.run("create", "-f", h.file("d.yaml", deployment("nginx", "nginx", "nginx")));
    const state = path.join(path.dirname(h.file("probe", "")), "state.json");
    const before = fs.readFileSync(state);
    const r = await h.run("apply", "-f", h.file("d2.yaml", deployment("nginx", "nginx2", "nginx2")));
    // apply warns about the annotation `create` did not leave before it sends the patch.
    expect(r).toEqual({
      stdout: "",
      stderr:
        "Warning: resource deployments/nginx is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n" +
        'The Deployment "nginx" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
      code: 1,
    });
    expect(fs.readFileSync(state).equals(before)).toBe(true);
  });
});
