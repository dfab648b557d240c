import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types/meta";
import { extractFieldPathAsString, formatMap } from "./field-ref";

describe("formatMap", () => {
  const cases: { name: string; map: Record<string, string>; want: string }[] = [
    { name: "gives nothing for an empty map", map: {}, want: "" },
    { name: "sorts keys and quotes values without a final newline", map: { b: "2", a: "1" }, want: 'a="1"\nb="2"' },
    { name: "escapes quotes, backslashes and newlines as Go does", map: { k: 'say "hi"\\\n' }, want: 'k="say \\"hi\\"\\\\\\n"' },
    { name: "escapes other control characters in hex", map: { k: "\u0001" }, want: 'k="\\x01"' },
    { name: "keeps printable non-ASCII text", map: { k: "café" }, want: 'k="café"' },
  ];
  it.each(cases)("$name", ({ map, want }) => expect(formatMap(map)).toBe(want));
});

describe("extractFieldPathAsString", () => {
  const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "ns", uid: "u" } };
  const cases = [
    { name: "gives empty labels for a pod without labels", path: "metadata.labels", want: { value: "" } },
    { name: "gives an empty value for a missing annotation key", path: "metadata.annotations['x']", want: { value: "" } },
    { name: "reads the uid", path: "metadata.uid", want: { value: "u" } },
    { name: "refuses a status field", path: "status.podIP", want: { error: "unsupported fieldPath: status.podIP" } },
  ];
  it.each(cases)("$name", ({ path, want }) => expect(extractFieldPathAsString(pod, path)).toEqual(want));
});
