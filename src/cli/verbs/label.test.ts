import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";


// Each case starts from pod x labelled run=x (kubectl run x) plus tier=fe, and pod y (run=y).
const setup = async () => {
  const h = await harness();
  await h.run("run", "x", "--image=nginx", "--labels=run=x,tier=fe");
  await h.run("run", "y", "--image=nginx");
  return h;
};

describe("kubectl label", () => {
  const cases = [
    { name: "adds a label", args: ["pod", "x", "app=web"], want: ok("pod/x labeled\n") },
    { name: "says not labeled when the value is already there", args: ["pod", "x", "tier=fe"], want: ok("pod/x not labeled\n") },
    { name: "refuses to change a value without --overwrite", args: ["pod", "x", "tier=be"], want: fail("error: 'tier' already has a value (fe), and --overwrite is false\n") },
    { name: "lists every refused key, one a line", args: ["pod", "x", "tier=be", "run=z"], want: fail("'tier' already has a value (fe), and --overwrite is false\n'run' already has a value (x), and --overwrite is false\n") },
    { name: "changes a value with --overwrite", args: ["pod/x", "tier=be", "--overwrite"], want: ok("pod/x labeled\n") },
    { name: "removes a label", args: ["pod", "x", "tier-"], want: ok("pod/x unlabeled\n") },
    { name: "says labeled, not unlabeled, for a removal with --overwrite (kubectl's quirk)", args: ["pod", "x", "tier-", "--overwrite"], want: ok("pod/x labeled\n") },
    { name: "says so when the label to remove is absent", args: ["pod", "x", "nope-"], want: ok('label "nope" not found.\npod/x not labeled\n') },
    { name: "takes keys named like Object's properties as keys", args: ["pod", "x", "constructor=1", "toString-"], want: ok('label "toString" not found.\npod/x labeled\n') },
    { name: "labels every pod with --all", args: ["pods", "--all", "env=dev"], want: ok("pod/x labeled\npod/y labeled\n") },
    { name: "labels the pods a selector matches", args: ["pods", "-l", "run=y", "env=dev"], want: ok("pod/y labeled\n") },
    { name: "marks a client dry run", args: ["pod", "x", "app=web", "--dry-run=client"], want: ok("pod/x labeled (dry run)\n") },
    // kubesim keeps no managedFields: the flag kubectl has is taken and changes nothing.
    { name: "takes --show-managed-fields", args: ["pod", "x", "app=web", "--show-managed-fields", "-o", "name"], want: ok("pod/x\n") },
    { name: "lists the labels of one object", args: ["pod", "x", "--list"], want: ok("run=x\ntier=fe\n") },
    { name: "lists the labels of several objects under headings", args: ["pods", "--all", "--list"], want: ok("Listing labels for Pod./x:\n run=x\n tier=fe\nListing labels for Pod./y:\n run=y\n") },
    { name: "prints the object with -o yaml", args: ["pod", "x", "app=web", "-o", "jsonpath={.metadata.labels}"], want: ok('{"app":"web","run":"x","tier":"fe"}') },
    { name: "rejects an invalid value before asking the server", args: ["pod", "x", "bad=-x"], want: fail(`error: invalid label value: "bad=-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`) },
    { name: "gets the API server's error for an invalid key", args: ["pod", "x", "Bad Key=1"], want: fail(`The Pod "x" is invalid: metadata.labels: Invalid value: "Bad Key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`) },
    { name: "refuses to both set and remove a key", args: ["pod", "x", "app=1", "app-"], want: fail("error: can not both modify and remove a label in the same command\n") },
    { name: "requires a change", args: ["pod", "x"], want: fail("error: at least one label update is required\n") },
    { name: "requires resources before the changes", args: ["pod", "a=b", "x"], want: fail("error: all resources must be specified before label changes: x\n") },
    { name: "reports a missing object", args: ["pod", "nope", "a=b"], want: fail('Error from server (NotFound): pods "nope" not found\n') },
    { name: "refuses a stale --resource-version", args: ["pod", "x", "a=b", "--resource-version=1"], want: fail('Error from server (Conflict): Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again\n') },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("label", ...args)).toEqual(want);
  });

  it("stores the change", async () => {
    const h = await setup();
    await h.run("label", "pod", "x", "app=web");
    await h.run("label", "pod", "x", "tier-");
    expect((await h.run("get", "pod", "x", "-o", "jsonpath={.metadata.labels}")).stdout).toBe('{"app":"web","run":"x"}');
  });
});

describe("kubectl annotate", () => {
  const cases = [
    { name: "adds an annotation", args: ["pod", "x", "a=1"], want: ok("pod/x annotated\n") },
    { name: "says annotated even when nothing changes", args: ["pod", "x", "nope-"], want: ok("pod/x annotated\n") },
    { name: "allows values with =", args: ["pod", "x", "q=a=b", "-o", "jsonpath={.metadata.annotations.q}"], want: ok("a=b") },
    { name: "takes =x for a resource argument, leaving no update", args: ["pod", "x", "=x"], want: fail("error: at least one annotation update is required\n") },
    { name: "lists annotations", args: ["pod", "x", "--list"], want: ok("") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("annotate", ...args)).toEqual(want);
  });

  it("refuses to overwrite without --overwrite, except kubernetes.io/change-cause", async () => {
    const h = await setup();
    expect(await h.run("annotate", "pod", "x", "a=1", "b=2", "kubernetes.io/change-cause=one")).toEqual(ok("pod/x annotated\n"));
    expect(await h.run("annotate", "pod", "x", "a=2", "b=3", "c=1")).toEqual(
      fail("error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (2)\n"),
    );
    expect(await h.run("annotate", "pod", "x", "kubernetes.io/change-cause=two")).toEqual(ok("pod/x annotated\n"));
    expect(await h.run("annotate", "pod", "x", "a=2", "--overwrite")).toEqual(ok("pod/x annotated\n"));
    expect(await h.run("annotate", "pod", "x", "--list")).toEqual(ok("a=2\nb=2\nkubernetes.io/change-cause=two\n"));
  });
});
