import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../../test/cli-harness";

// Expected texts captured from kubectl v1.32 on the same files with --dry-run=client.
const FROM_DIR_AND_LITERALS = `{
    "kind": "Secret",
    "apiVersion": "v1",
    "metadata": {
        "name": "s",
        "creationTimestamp": null
    },
    "data": {
        "a": "MQ==",
        "a.txt": "aGVsbG8K",
        "b": "Mg==",
        "bin": "//4="
    }
}
`;

const ENV_FILE_TYPED_HASHED = `apiVersion: v1
data:
  X: MQ==
  "Y": dHdv
kind: Secret
metadata:
  creationTimestamp: null
  name: s-4ccm56bdmg
type: kubernetes.io/basic-auth
`;

const KEY_RULE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** A harness with sd/ (a text file and a non-UTF-8 one) and e.env. */
async function withSources() {
  const h = await harness();
  h.file("sd/a.txt", "hello\n");
  fs.writeFileSync(path.join(h.dir, "sd", "bin"), Buffer.from([0xff, 0xfe]));
  h.file("e.env", "X=1\nY=two\n");
  return h;
}

describe("kubectl create secret generic", () => {
  const cases: { name: string; args: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
    { name: "literals and a folder, base64 under sorted keys (no binaryData)", args: ["s", "--from-literal=b=2", "--from-literal=a=1", "--from-file=sd", "--dry-run=client", "-o", "json"], want: ok(FROM_DIR_AND_LITERALS) },
    { name: "an env file, a --type and --append-hash (SecretHash)", args: ["s", "--from-env-file=e.env", "--type=kubernetes.io/basic-auth", "--append-hash", "--dry-run=client", "-o", "yaml"], want: ok(ENV_FILE_TYPED_HASHED) },
    { name: "--from-file is a comma-separated list, as pflag's StringSlice", args: ["s", "--from-file=sd/a.txt,e.env", "--dry-run=client", "-o", "jsonpath={.data}"], want: ok('{"a.txt":"aGVsbG8K","e.env":"WD0xClk9dHdvCg=="}') },
    { name: "takes keys named like Object's properties", args: ["s", "--from-literal=constructor=1", "--from-literal=toString=2", "--dry-run=client", "-o", "jsonpath={.data}"], want: ok('{"constructor":"MQ==","toString":"Mg=="}') },
    { name: "refuses a key that is not a config key", args: ["s", "--from-literal=a/b=c", "--dry-run=client"], want: fail(`error: "a/b" is not valid key name for a Secret ${KEY_RULE}\n`) },
    { name: "refuses a key given twice", args: ["s", "--from-literal=a=b", "--from-literal=a=c", "--dry-run=client"], want: fail("error: cannot add key a, another key by that name already exists\n") },
    { name: "refuses a folder as an env file", args: ["s", "--from-env-file=sd", "--dry-run=client"], want: fail("error: env secret file cannot be a directory\n") },
    { name: "refuses an env file with literals", args: ["s", "--from-env-file=e.env", "--from-literal=a=b"], want: fail("error: from-env-file cannot be combined with from-file or from-literal\n") },
    { name: "needs exactly one NAME", args: ["--dry-run=client"], want: fail("error: exactly one NAME is required, got 0\nSee 'kubectl create secret generic -h' for help and examples\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await withSources();
    expect(await h.run("create", "secret", "generic", ...args)).toEqual(want);
  });

  it("creates an Opaque secret, and a second create with the name fails as kubectl words it", async () => {
    const h = await harness();
    expect(await h.run("create", "secret", "generic", "db", "--from-literal=password=s3cr3t")).toEqual(ok("secret/db created\n"));
    expect((await h.run("get", "secret", "db", "-o", "jsonpath={.type} {.data.password}")).stdout).toBe("Opaque czNjcjN0");
    expect(await h.run("create", "secret", "generic", "db", "--from-literal=password=x")).toEqual(fail('error: failed to create secret secrets "db" already exists\n'));
  });
});

describe("kubectl create secret", () => {
  it("alone prints its help on stderr and exits 1; docker-registry and tls say kubesim lacks them", async () => {
    const h = await harness();
    const r = await h.run("create", "secret");
    expect([r.code, r.stdout, r.stderr.split("\n")[0]]).toEqual([1, "", "Create a secret with specified type."]);
    expect(await h.run("create", "secret", "tls", "t")).toEqual(fail('error: kubesim does not support "kubectl create secret tls"\n'));
    expect(await h.run("create", "secret", "nope")).toEqual(fail("error: unknown command \"nope\"\nSee 'kubectl create secret -h' for help and examples\n"));
  });
});
