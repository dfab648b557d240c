import { describe, expect, it } from "vitest";
import { harness } from "../../../../test/cli-harness";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n";

describe("kubectl create -f", () => {
  it("creates every object of the file, then reports AlreadyExists with the file name", async () => {
    const h = await harness();
    h.file("two.yaml", CM + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n");
    expect(await h.run("create", "-f", "two.yaml")).toEqual({ stdout: "configmap/cfg created\nnamespace/dev created\n", stderr: "", code: 0 });
    expect(await h.run("create", "-f", "two.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (AlreadyExists): error when creating "two.yaml": configmaps "cfg" already exists\n' +
        'Error from server (AlreadyExists): error when creating "two.yaml": namespaces "dev" already exists\n',
      code: 1,
    });
  });

  it("prints one AlreadyExists error the way kubectl prints a single error", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    await h.run("create", "-f", "cm.yaml");
    expect(await h.run("create", "-f", "cm.yaml")).toEqual({
      stdout: "",
      stderr: 'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "cfg" already exists\n',
      code: 1,
    });
  });

  it("prints the object it would send under --dry-run=client -o yaml, namespace filled in", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    expect(await h.run("create", "-f", "cm.yaml", "--dry-run=client", "-o", "yaml")).toEqual({
      stdout: 'apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\n',
      stderr: "",
      code: 0,
    });
    expect((await h.run("get", "cm", "cfg")).code).toBe(1);
  });

  it("separates several objects with --- under -o yaml", async () => {
    const h = await harness();
    h.file("two.yaml", CM + "---\n" + CM.replace("cfg", "other"));
    expect((await h.run("create", "-f", "two.yaml", "--dry-run=client", "-o", "yaml")).stdout).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\n---\napiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: other\n  namespace: default\n',
    );
  });

  it("saves the configuration for apply with --save-config", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    expect(await h.run("create", "-f", "cm.yaml", "--save-config")).toEqual({ stdout: "configmap/cfg created\n", stderr: "", code: 0 });
    expect(await h.run("apply", "-f", "cm.yaml")).toEqual({ stdout: "configmap/cfg unchanged\n", stderr: "", code: 0 });
  });

  it("gives kubectl's errors for missing -f, a missing kind and an empty file", async () => {
    const h = await harness();
    h.file("nokind.yaml", "metadata:\n  name: a\n");
    h.file("empty.yaml", "# nothing\n---\n");
    expect(await h.run("create")).toEqual({ stdout: "", stderr: "error: must specify one of -f and -k\n", code: 1 });
    expect(await h.run("create", "-f", "nokind.yaml")).toEqual({
      stdout: "",
      stderr: 'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
      code: 1,
    });
    expect(await h.run("create", "-f", "nokind.yaml", "--validate=false")).toEqual({
      stdout: "",
      stderr: `error: unable to decode "nokind.yaml": Object 'Kind' is missing in '{"metadata":{"name":"a"}}'\n`,
      code: 1,
    });
    expect(await h.run("create", "-f", "empty.yaml")).toEqual({ stdout: "", stderr: "error: no objects passed to create\n", code: 1 });
  });

  it("rejects a bad --validate value", async () => {
    const h = await harness();
    h.file("cm.yaml", CM);
    expect(await h.run("create", "-f", "cm.yaml", "--validate=maybe")).toEqual({
      stdout: "",
      stderr: 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n',
      code: 1,
    });
  });
});
