import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n";
const DEPLOY =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n";
const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/** An editor that rewrites the file with `change`, recording what it was given. */
function editor(change: (text: string) => string, seen: string[] = []) {
  return (file: string) => {
    const text = fs.readFileSync(file, "utf8");
    seen.push(text);
    fs.writeFileSync(file, change(text));
    return 0;
  };
}

async function withConfigMap() {
  const h = await harness();
  h.file("cm.yaml", CM);
  await h.run("create", "-f", "cm.yaml");
  return h;
}

describe("kubectl edit", () => {
  it("hands the editor the object as YAML under kubectl's header", async () => {
    const h = await withConfigMap();
    const seen: string[] = [];
    await h.runWith({ editor: editor((t) => t, seen) }, "edit", "cm/cfg");
    const live = (await h.run("get", "cm", "cfg", "-o", "yaml")).stdout;
    expect(seen).toEqual([HEADER + live]);
  });

  it("cancels when the file is saved unchanged", async () => {
    const h = await withConfigMap();
    expect(await h.runWith({ editor: editor((t) => t) }, "edit", "cm", "cfg")).toEqual({ stdout: "", stderr: "Edit cancelled, no changes made.\n", code: 0 });
  });

  it("cancels when only comments changed", async () => {
    const h = await withConfigMap();
    expect(await h.runWith({ editor: editor((t) => "# mine\n" + t) }, "edit", "cm", "cfg")).toEqual({ stdout: "", stderr: "Edit cancelled, no changes made.\n", code: 0 });
  });

  it("cancels when the file is emptied", async () => {
    const h = await withConfigMap();
    expect(await h.runWith({ editor: editor(() => "# nothing left\n") }, "edit", "cm", "cfg")).toEqual({ stdout: "", stderr: "Edit cancelled, saved file was empty.\n", code: 0 });
  });

  it("saves a change and prints edited", async () => {
    const h = await withConfigMap();
    expect(await h.runWith({ editor: editor((t) => t.replace('a: "1"', 'a: "2"')) }, "edit", "cm/cfg")).toEqual({ stdout: "configmap/cfg edited\n", stderr: "", code: 0 });
    expect((await h.run("get", "cm", "cfg", "-o", "jsonpath={.data.a}")).stdout).toBe("2");
  });

  it("reopens an invalid edit with the reasons and gives up when it comes back unchanged", async () => {
    const h = await harness();
    h.file("web.yaml", DEPLOY);
    await h.run("create", "-f", "web.yaml");
    const seen: string[] = [];
    let file = "";
    const ed = (f: string) => {
      file = f;
      const text = fs.readFileSync(f, "utf8");
      seen.push(text);
      if (seen.length === 1) fs.writeFileSync(f, text.replace("replicas: 1", "replicas: -1"));
      return 0;
    };
    const r = await h.runWith({ editor: ed }, "edit", "deploy/web");
    expect(r).toEqual({
      stdout: "",
      stderr: `error: deployments.apps "web" is invalid\nA copy of your changes has been stored to "${file}"\nerror: Edit cancelled, no valid changes were saved.\n`,
      code: 1,
    });
    expect(seen[1].startsWith(HEADER + '# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n')).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
  });

  it("reopens a file with a syntax error and saves the fixed version", async () => {
    const h = await withConfigMap();
    const seen: string[] = [];
    const ed = (f: string) => {
      const text = fs.readFileSync(f, "utf8");
      seen.push(text);
      fs.writeFileSync(f, seen.length === 1 ? text.replace('a: "1"', "a: b: c") : text.replace("a: b: c", 'a: "3"'));
      return 0;
    };
    expect(await h.runWith({ editor: ed }, "edit", "cm/cfg")).toEqual({ stdout: "configmap/cfg edited\n", stderr: "", code: 0 });
    expect(seen[1]).toMatch(/^# Please edit[\s\S]*#\n# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+: mapping values are not allowed in this context\n#\napiVersion: v1\n/);
    expect((await h.run("get", "cm", "cfg", "-o", "jsonpath={.data.a}")).stdout).toBe("3");
  });

  it("fails when the editor fails", async () => {
    const h = await withConfigMap();
    expect(await h.run("edit", "cm/cfg")).toEqual({ stdout: "", stderr: 'error: there was a problem with the editor "vi"\n', code: 1 });
  });

  it("reports a missing object", async () => {
    const h = await harness();
    expect(await h.run("edit", "cm/nope")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): configmaps "nope" not found\n', code: 1 });
  });
});
