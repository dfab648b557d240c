import { describe, expect, it } from "vitest";
import { objectKey, pairKey, prefixedKey } from "./interned-keys";

describe("interned keys", () => {
  it.each([
    { parts: ["Pod", "default", "web-1"], want: "Pod/default/web-1" },
    { parts: ["Node", "", "kubesim-worker"], want: "Node//kubesim-worker" },
    { parts: ["Event", "kube-system", "coredns.18a2b3c4d5e6f708"], want: "Event/kube-system/coredns.18a2b3c4d5e6f708" },
  ])("objectKey($parts) is $want, asked once or again", ({ parts, want }) => {
    const [kind, namespace, name] = parts;
    expect(objectKey(kind, namespace, name)).toBe(want);
    expect(objectKey(kind, namespace, name)).toBe(want);
  });

  it.each([
    { parts: ["Pod", "default"], want: "Pod/default" },
    { parts: ["Node", ""], want: "Node/" },
  ])("pairKey($parts) is $want", ({ parts, want }) => {
    expect(pairKey(parts[0], parts[1])).toBe(want);
    expect(pairKey(parts[0], parts[1])).toBe(want);
  });

  it("keeps parts apart that would join to the same text", () => {
    expect(objectKey("Pod", "a/b", "c")).toBe("Pod/a/b/c");
    expect(objectKey("Pod", "a", "b/c")).toBe("Pod/a/b/c");
    expect(prefixedKey("node:", "x")).toBe("node:x");
    expect(prefixedKey("node", ":x")).toBe("node:x");
  });

  it("still answers right once it has made more keys than it keeps, and after it starts over", () => {
    for (let i = 0; i < 70_000; i++) expect(objectKey("Event", "default", `e.${i}`)).toBe(`Event/default/e.${i}`);
    expect(objectKey("Pod", "default", "web-1")).toBe("Pod/default/web-1");
    expect(pairKey("Pod", "default")).toBe("Pod/default");
    expect(prefixedKey("node:", "kubesim-worker")).toBe("node:kubesim-worker");
  });
});
