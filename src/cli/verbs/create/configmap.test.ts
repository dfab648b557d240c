import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../../test/cli-harness";


// Expected texts captured from kubectl v1.32 on the same files with --dry-run=client.
const FROM_DIR_AND_LITERALS = `apiVersion: v1
binaryData:
  bin: //4=
data:
  a: b
  a.txt: |
    hello
    world
  b: x
  k: |
    hello
    world
  z: "1"
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: c
`;

const ENV_FILE = `apiVersion: v1
data:
  K1: 'v1  '
  K2: 'v 2 '
  K4: fromenv
  K5: '"q"'
  K6: a=b
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: c
`;

const ENV_NAME_RULE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

describe("kubectl create configmap", () => {
  const setup = async () => {
    const h = await harness();
    h.file("d/a.txt", "hello\nworld\n");
    h.file("d/b", "x");
    h.file("d/sub/s", "ignored: not a regular file of d");
    require("node:fs").writeFileSync(`${h.dir}/d/bin`, Buffer.from([0xff, 0xfe]));
    require("node:fs").symlinkSync("a.txt", `${h.dir}/d/link`);
    h.file("env", "\uFEFFK1=v1  \n# comment\n\n  K2=v 2 \nK4\nK5=\"q\"\nK6=a=b\r\n");
    h.file("bad.env", "export K3=x\n");
    h.file("dup.env", "A=1\nA=2\n");
    return h;
  };
  const cases = [
    { name: "packs a directory's regular files, a keyed file and literals", args: ["c", "--from-literal=a=b", "--from-literal=z=1", "--from-file=d", "--from-file=k=d/a.txt", "--dry-run=client", "-o", "yaml"], want: ok(FROM_DIR_AND_LITERALS) },
    { name: "reads an env file with kubectl's rules", args: ["c", "--from-env-file=env", "--dry-run=client", "-o", "yaml"], want: ok(ENV_FILE) },
    { name: "appends the content hash to the name", args: ["c", "--from-literal=a=b", "--append-hash", "--dry-run=client", "-o", "name"], want: ok("configmap/c-m4h6ctkgb2\n") },
    { name: "creates an empty config map", args: ["c", "--dry-run=client", "-o", "yaml"], want: ok("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n") },
    { name: "refuses a duplicate literal key", args: ["c", "--from-literal=a=b", "--from-literal=a=c"], want: fail('error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n') },
    { name: "refuses a key already taken by binary data", args: ["c", "--from-file=d/bin", "--from-file=bin=d/b"], want: fail('error: cannot add key "bin", another key by that name already exists in BinaryData for ConfigMap "c"\n') },
    { name: "reports a missing file", args: ["c", "--from-file=nope"], want: fail("error: error reading nope: no such file or directory\n") },
    { name: "refuses a key name for a directory", args: ["c", "--from-file=k=d"], want: fail("error: cannot give a key name for a directory path\n") },
    { name: "refuses a file source without key", args: ["c", "--from-file==d/b"], want: fail("error: key name for file path d/b missing\n") },
    { name: "refuses a file source without path", args: ["c", "--from-file=x="], want: fail("error: file path for key name x missing\n") },
    { name: "refuses an invalid key", args: ["c", "--from-literal=a b=c"], want: fail(`error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`) },
    { name: "refuses a literal without =", args: ["c", "--from-literal=ab"], want: fail("error: invalid literal source ab, expected key=value\n") },
    { name: "refuses a literal with an empty key", args: ["c", "--from-literal==b"], want: fail("error: invalid literal source =b, expected key=value\n") },
    { name: "refuses an env file key that is not an env name", args: ["c", "--from-env-file=bad.env"], want: fail(`error: "export K3" is not a valid key name: ${ENV_NAME_RULE}\n`) },
    { name: "refuses duplicate keys in an env file", args: ["c", "--from-env-file=dup.env"], want: fail('error: cannot add key "A", another key by that name already exists in Data for ConfigMap "c"\n') },
    { name: "refuses a directory as env file", args: ["c", "--from-env-file=d"], want: fail("error: env config file cannot be a directory\n") },
    { name: "refuses env files mixed with literals", args: ["c", "--from-env-file=env", "--from-literal=a=b"], want: fail("error: from-env-file cannot be combined with from-file or from-literal\n") },
    { name: "requires a NAME", args: [], want: fail("error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.runWith({ vars: { K4: "fromenv" } }, "create", "configmap", ...args)).toEqual(want);
  });

  it("creates the config map once, then wraps AlreadyExists", async () => {
    const h = await setup();
    expect(await h.run("create", "cm", "c", "--from-literal=a=b")).toEqual(ok("configmap/c created\n"));
    expect(await h.run("create", "configmap", "c", "--from-literal=a=b")).toEqual(fail('error: failed to create configmap: configmaps "c" already exists\n'));
    expect((await h.run("get", "cm", "c", "-o", "jsonpath={.data.a}")).stdout).toBe("b");
  });
});

describe("kubectl create namespace", () => {
  it.each([
    { name: "prints the namespace kubectl builds", args: ["dev", "--dry-run=client", "-o", "yaml"], want: ok("apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n") },
    { name: "prints the name with -o name", args: ["dev", "--dry-run=client", "-o", "name"], want: ok("namespace/dev\n") },
    { name: "requires exactly one NAME", args: ["a", "b"], want: fail("error: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n") },
  ])("$name", async ({ args, want }) => {
    const h = await harness();
    expect(await h.run("create", "namespace", ...args)).toEqual(want);
  });

  it("creates a namespace and reports AlreadyExists unwrapped", async () => {
    const h = await harness();
    expect(await h.run("create", "ns", "dev")).toEqual(ok("namespace/dev created\n"));
    expect(await h.run("create", "namespace", "dev")).toEqual(fail('Error from server (AlreadyExists): namespaces "dev" already exists\n'));
  });
});
