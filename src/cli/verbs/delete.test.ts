import { describe, expect, it } from "vitest";
import { harness, ok } from "../../../test/cli-harness";
import type { Harness } from "../../../test/cli-harness";

const cm = (name: string, labels = "") => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${labels}data:\n  a: "1"\n`;
const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
const DEPLOY =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n";

async function withConfigMaps(): Promise<Harness> {
  const h = await harness();
  h.file("cms.yaml", [cm("a", "  labels:\n    app: web\n"), cm("b", "  labels:\n    app: db\n"), cm("c")].join("---\n"));
  await h.run("create", "-f", "cms.yaml");
  return h;
}

describe("kubectl delete", () => {
  it("deletes the objects of a file with kubectl's quoted-name line", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "-f", "cms.yaml")).toEqual(ok('configmap "a" deleted\nconfigmap "b" deleted\nconfigmap "c" deleted\n'));
    expect(await h.run("delete", "-f", "cms.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (NotFound): error when deleting "cms.yaml": configmaps "a" not found\n' +
        'Error from server (NotFound): error when deleting "cms.yaml": configmaps "b" not found\n' +
        'Error from server (NotFound): error when deleting "cms.yaml": configmaps "c" not found\n',
      code: 1,
    });
  });

  it("deletes named objects, reports the missing one and exits 1", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "cm", "a", "nope", "b")).toEqual({
      stdout: 'configmap "a" deleted\nconfigmap "b" deleted\n',
      stderr: 'Error from server (NotFound): configmaps "nope" not found\n',
      code: 1,
    });
  });

  it("accepts TYPE/NAME and stays quiet about missing objects with --ignore-not-found", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "cm/a", "configmap/nope", "--ignore-not-found")).toEqual(ok('configmap "a" deleted\n'));
  });

  it("deletes what a label selector matches, and prints No resources found on stdout when nothing does", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "cm", "-l", "app=web")).toEqual(ok('configmap "a" deleted\n'));
    expect(await h.run("delete", "cm", "-l", "app=web")).toEqual(ok("No resources found\n"));
  });

  it("prints No resources found for a file with no objects in it", async () => {
    const h = await withConfigMaps();
    for (const text of ["", "---\n"]) expect(await h.run("delete", "-f", h.file("empty.yaml", text))).toEqual(ok("No resources found\n"));
  });

  it("deletes what a field selector matches", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "cm", "--field-selector", "metadata.name=b")).toEqual(ok('configmap "b" deleted\n'));
  });

  it("deletes every object of the type in the namespace with --all, or in every namespace with -A", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "cm", "--all", "-l", "app=web")).toEqual({ stdout: "", stderr: "error: cannot set --all and --selector at the same time\n", code: 1 });
    expect(await h.run("delete", "cm", "--all")).toEqual(ok('configmap "a" deleted\nconfigmap "b" deleted\nconfigmap "c" deleted\nconfigmap "kube-root-ca.crt" deleted\n'));
  });

  it("deletes across namespaces with -A", async () => {
    const h = await withConfigMaps();
    h.file("dev.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\n" + cm("d", "  namespace: dev\n  labels:\n    app: web\n"));
    await h.run("create", "-f", "dev.yaml");
    expect(await h.run("delete", "cm", "-A", "-l", "app=web", "-o", "name")).toEqual(ok("configmap/a\nconfigmap/d\n"));
  });

  it("prints -o name lines and dry-run suffixes, deleting nothing on a dry run", async () => {
    const h = await withConfigMaps();
    expect(await h.run("delete", "cm", "a", "--dry-run=client")).toEqual(ok('configmap "a" deleted (dry run)\n'));
    expect(await h.run("delete", "cm", "a", "--dry-run=server")).toEqual(ok('configmap "a" deleted (server dry run)\n'));
    expect(await h.run("delete", "cm", "a", "-o", "name")).toEqual(ok("configmap/a\n"));
  });

  it("force-deletes a pod with a warning", async () => {
    const h = await harness();
    h.file("p.yaml", POD);
    await h.run("create", "-f", "p.yaml");
    expect(await h.run("delete", "pod", "p", "--force", "--grace-period=0")).toEqual({
      stdout: 'pod "p" force deleted\n',
      stderr:
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      code: 0,
    });
  });

  it("waits until a pod is gone before returning", async () => {
    const h = await harness();
    h.file("p.yaml", POD);
    await h.run("create", "-f", "p.yaml");
    await h.run("sim", "advance", "10s");
    expect(await h.run("delete", "pod", "p", "--now")).toEqual(ok('pod "p" deleted\n'));
    expect(await h.run("get", "pod", "p")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "p" not found\n', code: 1 });
  });

  it("orphans a deployment's replica set with --cascade=orphan", async () => {
    const h = await harness();
    h.file("web.yaml", DEPLOY);
    await h.run("create", "-f", "web.yaml");
    expect(await h.run("delete", "deploy", "web", "--cascade=orphan")).toEqual(ok('deployment.apps "web" deleted\n'));
    expect((await h.run("get", "rs", "-o", "name")).stdout).toMatch(/^replicaset\.apps\/web-[a-z0-9]+\n$/);
  });

  it("removes a deployment's replica set with the default background cascade", async () => {
    const h = await harness();
    h.file("web.yaml", DEPLOY);
    await h.run("create", "-f", "web.yaml");
    expect(await h.run("delete", "deploy", "web")).toEqual(ok('deployment.apps "web" deleted\n'));
    expect(await h.run("get", "rs")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", code: 0 });
  });

  it.each([
    {
      name: "wants resources or files",
      args: [],
      err: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    },
    { name: "wants a name, a selector or --all with a type", args: ["pods"], err: "error: resource(s) were provided, but no name was specified\n" },
    { name: "refuses --now with --grace-period", args: ["pod", "p", "--now", "--grace-period=5"], err: "error: --now and --grace-period cannot be specified together\n" },
    { name: "refuses names with a selector", args: ["pod", "p", "-l", "a=b"], err: "error: name cannot be provided when a selector is specified\n" },
    { name: "refuses an unknown cascade", args: ["pod", "p", "--cascade=sideways"], err: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n' },
    { name: "refuses an output other than name", args: ["pod", "p", "-o", "yaml"], err: 'error: unable to match a printer suitable for the output format "yaml", allowed formats are: name\n' },
  ])("$name", async ({ args, err }) => {
    const h = await harness();
    expect(await h.run("delete", ...args)).toEqual({ stdout: "", stderr: err, code: 1 });
  });
});
