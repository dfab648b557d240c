import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";


const deployment = (replicas: number, extra = "") =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${extra}spec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n`;

describe("kubectl replace", () => {
  const cases = [
    { name: "replaces the live object", file: deployment(3), args: [], want: ok("deployment.apps/web replaced\n") },
    { name: "marks a client dry run", file: deployment(3), args: ["--dry-run=client"], want: ok("deployment.apps/web replaced (dry run)\n") },
    { name: "accepts the current resourceVersion", file: deployment(3, '  resourceVersion: "RV"\n'), args: [], want: ok("deployment.apps/web replaced\n") },
    {
      name: "refuses a stale resourceVersion",
      file: deployment(3, '  resourceVersion: "1"\n'),
      args: [],
      want: fail('Error from server (Conflict): error when replacing "web.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n'),
    },
    { name: "reports an object that does not exist", file: deployment(3).replace("name: web", "name: other"), args: [], want: fail('Error from server (NotFound): error when replacing "web.yaml": deployments.apps "other" not found\n') },
    { name: "deletes and re-creates with --force", file: deployment(3), args: ["--force"], want: ok('deployment.apps "web" deleted\ndeployment.apps/web replaced\n') },
    { name: "refuses --grace-period without --force", file: deployment(3), args: ["--grace-period=1"], want: fail("error: --grace-period must have --force specified\n") },
  ];
  it.each(cases)("$name", async ({ file, args, want }) => {
    const h = await harness();
    await h.run("create", "-f", h.file("orig.yaml", deployment(2)));
    const rv = (await h.run("get", "deploy", "web", "-o", "jsonpath={.metadata.resourceVersion}")).stdout;
    h.file("web.yaml", file.replace('"RV"', `"${rv}"`));
    expect(await h.run("replace", "-f", "web.yaml", ...args)).toEqual(want);
  });

  it("requires -f", async () => {
    const h = await harness();
    expect(await h.run("replace")).toEqual(fail("error: must specify one of -f and -k\n"));
  });

  it("stores the new spec; --force gives the object a new uid", async () => {
    const h = await harness();
    await h.run("create", "-f", h.file("orig.yaml", deployment(2)));
    const uid = (await h.run("get", "deploy", "web", "-o", "jsonpath={.metadata.uid}")).stdout;
    await h.run("replace", "-f", h.file("web.yaml", deployment(4)));
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.metadata.uid}")).stdout).toBe(`4 ${uid}`);
    await h.run("replace", "--force", "-f", h.file("web.yaml", deployment(1)));
    const after = (await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.metadata.uid}")).stdout;
    expect(after.startsWith("1 ")).toBe(true);
    expect(after).not.toBe(`1 ${uid}`);
  });
});
