// Manifests that read fine but describe an object the API server refuses: kind and
// apiVersion, unknown fields, wrong types, missing required fields, names, namespaces.
// Messages: kubectl v1.32 (../../shared/reference/kubectl-output.md §5) and the API server's
// validation (pkg/apis/*/validation) and JSON decoder.

import { describe, expect, it } from "vitest";
import { harness } from "../cli-harness";
import { DNS1035_LABEL, RFC1123_LABEL, RFC1123_SUBDOMAIN, deployment, runCatalog, type Entry } from "./catalog";

const cannot = (kind: string) => `Error from server (BadRequest): error when creating "$F": ${kind} in version "v1" cannot be handled as a ${kind}: `;

const service = (name: string, ports = "  - port: 80\n") => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n${ports}`;
const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const long = (n: number) => "a".repeat(n);

const kindAndVersion: Entry[] = [
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
    name: "a known kind in the wrong group (Deployment in v1)",
    file: deployment("web", "web", "web").replace("apps/v1", "v1"),
    args: ["create", "-f", "$F"],
    stderr: 'error: resource mapping not found for name: "web" namespace: "" from "$F": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n',
  },
  {
    name: "a known kind in a version not served (apps/v2)",
    file: deployment("web", "web", "web").replace("apps/v1", "apps/v2"),
    args: ["apply", "-f", "$F"],
    stderr: 'error: resource mapping not found for name: "web" namespace: "" from "$F": no matches for kind "Deployment" in version "apps/v2"\nensure CRDs are installed first\n',
  },
];

const fieldsAndTypes: Entry[] = [
  {
    name: "an unknown field (strict field validation)",
    file: deployment("web", "web", "web", "        imagePullPolicyy: Always\n"),
    args: ["create", "-f", "$F"],
    stderr: `${cannot("Deployment")}strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"\n`,
  },
  {
    name: "a wrong type: replicas as a string",
    file: deployment("web", "web", "web").replace("spec:\n  selector", 'spec:\n  replicas: "three"\n  selector'),
    args: ["create", "-f", "$F"],
    stderr: `${cannot("Deployment")}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n`,
  },
  {
    name: "a wrong type: containers as a map instead of a list",
    file: deployment("web", "web", "web").replace("      - name: c\n        image: nginx", "        name: c\n        image: nginx"),
    args: ["create", "-f", "$F"],
    stderr: `${cannot("Deployment")}json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container\n`,
  },
  {
    name: "a wrong type: a label value that is a number",
    file: deployment("web", "5", "web"),
    args: ["create", "-f", "$F"],
    stderr: `${cannot("Deployment")}json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string\n`,
  },
];

const requiredFields: Entry[] = [
  {
    name: "a Deployment without containers",
    file: deployment("web", "web", "web").replace("      containers:\n      - name: c\n        image: nginx\n", "      containers: []\n"),
    args: ["create", "-f", "$F"],
    stderr: 'The Deployment "web" is invalid: spec.template.spec.containers: Required value\n',
  },
  {
    name: "a container without a name",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: nginx\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "p" is invalid: spec.containers[0].name: Required value\n',
  },
  {
    name: "a container without an image",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "x" is invalid: spec.containers[0].image: Required value\n',
  },
  {
    // port decodes as 0; validateServicePort has no Required for it, only the range check.
    name: "a Service port without port",
    file: service("s", "  - targetPort: 80\n"),
    args: ["create", "-f", "$F"],
    stderr: 'The Service "s" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n',
  },
];

const names: Entry[] = [
  {
    name: "an invalid name (uppercase, underscore)",
    file: deployment("My_App", "web", "web"),
    args: ["create", "-f", "$F"],
    stderr: `The Deployment "My_App" is invalid: metadata.name: Invalid value: "My_App": ${RFC1123_SUBDOMAIN}\n`,
  },
  {
    name: "a name longer than 253 characters",
    file: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${long(254)}\n`,
    args: ["create", "-f", "$F"],
    stderr: `The ConfigMap "${long(254)}" is invalid: metadata.name: Invalid value: "${long(254)}": must be no more than 253 characters\n`,
  },
  {
    name: "a Service name in uppercase (a DNS-1035 label)",
    file: service("My-Svc"),
    args: ["create", "-f", "$F"],
    stderr: `The Service "My-Svc" is invalid: metadata.name: Invalid value: "My-Svc": ${DNS1035_LABEL}\n`,
  },
  {
    name: "a Service name with a dot",
    file: service("a.b"),
    args: ["create", "-f", "$F"],
    stderr: `The Service "a.b" is invalid: metadata.name: Invalid value: "a.b": ${DNS1035_LABEL}\n`,
  },
  {
    name: "a Service name over 63 characters",
    file: service(long(64)),
    args: ["create", "-f", "$F"],
    stderr: `The Service "${long(64)}" is invalid: metadata.name: Invalid value: "${long(64)}": must be no more than 63 characters\n`,
  },
  {
    name: "a Namespace name in uppercase (an RFC 1123 label)",
    file: namespace("Dev"),
    args: ["create", "-f", "$F"],
    stderr: `The Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": ${RFC1123_LABEL}\n`,
  },
  {
    // The defaulted kubernetes.io/metadata.name label repeats the name, so it is too long too.
    name: "a Namespace name over 63 characters",
    file: namespace(long(64)),
    args: ["create", "-f", "$F"],
    stderr: `The Namespace "${long(64)}" is invalid: \n* metadata.name: Invalid value: "${long(64)}": must be no more than 63 characters\n* metadata.labels: Invalid value: "${long(64)}": must be no more than 63 characters\n`,
  },
  {
    name: "a name with a character no name may hold",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a$b\n",
    args: ["create", "-f", "$F"],
    stderr: `The ConfigMap "a$b" is invalid: metadata.name: Invalid value: "a$b": ${RFC1123_SUBDOMAIN}\n`,
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
];

const objectRules: Entry[] = [
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
];

const namespaces: Entry[] = [
  {
    name: "a namespace that does not exist",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: dev\n",
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (NotFound): error when creating "$F": namespaces "dev" not found\n',
  },
  {
    name: "a namespace that does not exist, given with -n",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
    args: ["create", "-f", "$F", "-n", "nope"],
    stderr: 'Error from server (NotFound): error when creating "$F": namespaces "nope" not found\n',
  },
  {
    // NamespaceLifecycle is a mutating admission plugin: it runs before the object is validated.
    name: "an invalid object in a namespace that does not exist: the namespace is reported",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: dev\nspec:\n  containers:\n  - name: c\n",
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (NotFound): error when creating "$F": namespaces "dev" not found\n',
  },
  {
    name: "a namespace in the file that differs from -n",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n",
    args: ["apply", "-f", "$F", "-n", "kube-public"],
    stderr: `error: the namespace from the provided object "default" does not match the namespace "kube-public". You must pass '--namespace=default' to perform this operation.\n`,
  },
  {
    name: "generateName with apply",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n",
    args: ["apply", "-f", "$F"],
    stderr: "error: from gen-: cannot use generate name with apply\n",
  },
];

describe("the bad-input catalog: kind and apiVersion", () => runCatalog(kindAndVersion));
describe("the bad-input catalog: unknown fields and wrong types", () => runCatalog(fieldsAndTypes));
describe("the bad-input catalog: missing required fields", () => runCatalog(requiredFields));
describe("the bad-input catalog: names and labels", () => runCatalog(names));
describe("the bad-input catalog: object rules", () => runCatalog(objectRules));
describe("the bad-input catalog: namespaces and generateName", () => runCatalog(namespaces));

describe("a List with one bad item", () => {
  it("applies the good items and reports the bad one, exit 1", async () => {
    const h = await harness();
    const item = (name: string) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: ${name}\n`;
    const f = h.file("list.yaml", `apiVersion: v1\nkind: List\nitems:\n${item("good")}${item("Bad")}${item("good2")}`);
    expect(await h.run("create", "-f", f)).toEqual({
      stdout: "configmap/good created\nconfigmap/good2 created\n",
      stderr: `The ConfigMap "Bad" is invalid: metadata.name: Invalid value: "Bad": ${RFC1123_SUBDOMAIN}\n`,
      code: 1,
    });
    expect((await h.run("get", "cm", "-o", "name")).stdout).toBe("configmap/good\nconfigmap/good2\nconfigmap/kube-root-ca.crt\n");
  });
});

describe("generateName with create", () => {
  it("creates the object under a generated name", async () => {
    const h = await harness();
    const f = h.file("gen.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n");
    const r = await h.run("create", "-f", f);
    expect(r).toEqual({ stdout: expect.stringMatching(/^configmap\/gen-[a-z0-9]{5} created\n$/), stderr: "", code: 0 });
    const name = r.stdout.split(" ")[0];
    expect(await h.run("get", name, "-o", "jsonpath={.metadata.generateName}")).toEqual({ stdout: "gen-", stderr: "", code: 0 });
  });
});
