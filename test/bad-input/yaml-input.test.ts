// Input that is not a readable manifest: YAML and JSON syntax, alias bombs, binary and
// non-UTF-8 bytes, documents too large for the API server. Each message was checked against
// kubectl v1.32 offline (`kubectl create -f x.yaml`), or the API server source where noted.

import { describe, expect, it } from "vitest";
import { harness } from "../cli-harness";
import { runCatalog, type Entry } from "./catalog";
import { ALIAS_BOMB } from "../builders/alias-bomb";

const PARSE = "error: error parsing $F: error converting YAML to JSON: yaml: ";

/** The alias bomb as a ConfigMap's body. */
const aliasBomb = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n" + ALIAS_BOMB;

const configMap = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: ${value}\n`;

const entries: Entry[] = [
  {
    name: "malformed YAML, with its line",
    file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: [1\n",
    args: ["apply", "-f", "$F"],
    stderr: `${PARSE}line 6: did not find expected ',' or ']'\n`,
  },
  { name: "an empty file", file: "", args: ["apply", "-f", "$F"], stderr: "error: no objects passed to apply\n" },
  { name: "a file of only ---", file: "---\n", args: ["apply", "-f", "$F"], stderr: "error: no objects passed to apply\n" },
  { name: "a YAML alias bomb (billion laughs)", file: aliasBomb, args: ["create", "-f", "$F"], stderr: `${PARSE}document contains excessive aliasing\n` },
  { name: "binary input: NUL and other control bytes", file: "\x00\x01\x02\xff\xfe\x00binary\x00", args: ["create", "-f", "$F"], stderr: `${PARSE}control characters are not allowed\n` },
  { name: "binary input: a PNG header", file: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", args: ["apply", "-f", "$F"], stderr: `${PARSE}control characters are not allowed\n` },
  {
    name: "a control character inside a quoted value",
    file: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "a\x01b"\n',
    args: ["create", "-f", "$F"],
    stderr: `${PARSE}control characters are not allowed\n`,
  },
  {
    // Without a byte order mark kubectl reads UTF-8 (text-encoding.ts): the NUL bytes fail.
    name: "UTF-16 without a byte order mark",
    file: Buffer.from(configMap("u16", "v"), "utf16le"),
    args: ["create", "-f", "$F"],
    stderr: `${PARSE}control characters are not allowed\n`,
  },
  {
    // kubectl reads invalid UTF-8 as U+FFFD and prints the document as JSON.
    name: "non-UTF-8 (latin-1) bytes in a document without a kind, validation off",
    file: Buffer.from("apiVersion: v1\nmetadata:\n  name: a\ndata:\n  k: caf\xe9\n", "latin1") as unknown as string,
    args: ["create", "-f", "$F", "--validate=false"],
    stderr: `error: unable to decode "$F": Object 'Kind' is missing in '{"apiVersion":"v1","data":{"k":"caf\ufffd"},"metadata":{"name":"a"}}'\n`,
  },
  {
    name: "JSON with a trailing comma",
    file: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a",}}\n',
    args: ["create", "-f", "$F"],
    stderr: "error: error parsing $F: json: offset 68: invalid character '}' looking for beginning of object key string\n",
  },
  {
    name: "JSON cut short",
    file: '{"apiVersion": "v1", "kind": "ConfigMap"\n',
    args: ["apply", "-f", "$F"],
    stderr: "error: error parsing $F: unexpected EOF\n",
  },
  {
    // limitedReadBody (apiserver endpoints/handlers/rest.go): --max-request-bytes is 3 MiB.
    name: "a 10 MB document: the request body is over the API server's limit",
    file: configMap("big", "x".repeat(10 * 1024 * 1024)),
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (RequestEntityTooLarge): error when creating "$F": Request entity too large: limit is 3145728\n',
  },
  {
    // ValidateConfigMap: field.TooLong(field.NewPath(""), ...), and an unnamed path prints as "[]".
    name: "a ConfigMap over the 1 MiB object limit",
    file: configMap("mid", "x".repeat(1024 * 1024 + 1)),
    args: ["create", "-f", "$F"],
    stderr: 'The ConfigMap "mid" is invalid: []: Too long: may not be more than 1048576 bytes\n',
  },
];

describe("the bad-input catalog: unreadable input", () => {
  runCatalog(entries);
});

describe("big or hostile input is answered fast", () => {
  it.each([
    { name: "the alias bomb", text: aliasBomb },
    { name: "a 10 MB document", text: configMap("big", "x".repeat(10 * 1024 * 1024)) },
  ])("$name takes well under 5 seconds", async ({ text }) => {
    const h = await harness();
    const f = h.file("x.yaml", text);
    const start = performance.now();
    const r = await h.run("apply", "-f", f);
    expect(r.code).toBe(1);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe("input that looks odd but is a valid manifest", () => {
  it("a JSON manifest creates its object", async () => {
    const h = await harness();
    const f = h.file("cm.json", '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"k": "v"}}\n');
    expect(await h.run("create", "-f", f)).toEqual({ stdout: "configmap/j created\n", stderr: "", code: 0 });
    expect(await h.run("get", "cm", "j", "-o", "jsonpath={.data.k}")).toEqual({ stdout: "v", stderr: "", code: 0 });
  });

  it("latin-1 bytes in a value are stored as U+FFFD, as kubectl sends them", async () => {
    const h = await harness();
    const f = h.file("x.yaml", Buffer.from(configMap("a", "caf\xe9"), "latin1") as unknown as string);
    expect(await h.run("create", "-f", f)).toEqual({ stdout: "configmap/a created\n", stderr: "", code: 0 });
    expect(await h.run("get", "cm", "a", "-o", "jsonpath={.data.k}")).toEqual({ stdout: "caf\ufffd", stderr: "", code: 0 });
  });

  it("duplicate keys in a mapping: the last one wins (sigs.k8s.io/yaml decodes with yaml.v2)", async () => {
    const h = await harness();
    const f = h.file("x.yaml", 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n  x: "2"\n');
    expect(await h.run("create", "-f", f)).toEqual({ stdout: "configmap/a created\n", stderr: "", code: 0 });
    expect(await h.run("get", "cm", "a", "-o", "jsonpath={.data}")).toEqual({ stdout: '{"x":"2"}', stderr: "", code: 0 });
  });
});
