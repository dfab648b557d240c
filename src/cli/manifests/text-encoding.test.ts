import { describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";
import { decodeManifestBytes } from "./text-encoding";

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: "hé"\n';

const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
const bytes = (...parts: (number[] | Buffer)[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe("decodeManifestBytes", () => {
  const cases = [
    { name: "UTF-8", input: Buffer.from("k: hé"), want: "k: hé" },
    { name: "UTF-8 after its byte order mark, which is dropped", input: bytes([0xef, 0xbb, 0xbf], Buffer.from("k: hé")), want: "k: hé" },
    { name: "UTF-16LE after its mark", input: bytes([0xff, 0xfe], Buffer.from("k: hé", "utf16le")), want: "k: hé" },
    { name: "UTF-16BE after its mark", input: bytes([0xfe, 0xff], utf16be("k: hé")), want: "k: hé" },
    { name: "only the first mark is dropped", input: bytes([0xff, 0xfe], Buffer.from("\uFEFFk", "utf16le")), want: "\uFEFFk" },
    { name: "UTF-16 without a mark stays UTF-8, NULs and all", input: Buffer.from("k", "utf16le"), want: "k\u0000" },
    { name: "invalid UTF-8 bytes read as U+FFFD", input: Buffer.from([0x6b, 0xe9]), want: "k\uFFFD" },
    { name: "a UTF-16 text cut mid-character ends in U+FFFD", input: bytes([0xff, 0xfe, 0x6b, 0x00, 0x6b]), want: "k\uFFFD" },
  ];
  it.each(cases)("$name", ({ input, want }) => expect(decodeManifestBytes(input)).toBe(want));
});

// Checked against kubectl v1.32: `kubectl create -f` reads these files (a UTF-16 file without a
// mark fails with "control characters are not allowed": the bad-input catalog has it).
describe("manifests in UTF-16 with a byte order mark", () => {
  it.each([
    { name: "a UTF-16LE file", input: bytes([0xff, 0xfe], Buffer.from(MANIFEST, "utf16le")) },
    { name: "a UTF-16BE file", input: bytes([0xfe, 0xff], utf16be(MANIFEST)) },
  ])("$name is created as its UTF-8 twin is, from a file and from standard input", async ({ input }) => {
    const h = await harness();
    const f = h.file("x.yaml", input as unknown as string);
    expect(await h.run("create", "-f", f)).toEqual({ stdout: "configmap/cfg created\n", stderr: "", code: 0 });
    expect((await h.run("get", "configmap", "cfg", "-o", "jsonpath={.data.k}")).stdout).toBe("hé");
    expect(await h.runWith({ stdin: input }, "apply", "-f", "-", "-n", "kube-public")).toEqual({ stdout: "configmap/cfg created\n", stderr: "", code: 0 });
    expect((await h.run("get", "configmap", "cfg", "-n", "kube-public", "-o", "jsonpath={.data.k}")).stdout).toBe("hé");
  });
});
