import { describe, expect, it } from "vitest";
import { historyTable, revisionTemplate } from "./rollout-history";

describe("historyTable", () => {
  it.each([
    {
      name: "lists revisions ascending with <none> for a missing change-cause",
      rows: [{ revision: 3, changeCause: "image bumped to 1.28" }, { revision: 1 }],
      want: "REVISION  CHANGE-CAUSE\n1         <none>\n3         image bumped to 1.28\n",
    },
    { name: "says so when there are no revisions", rows: [], want: "No rollout history found." },
  ])("$name", ({ rows, want }) => expect(historyTable(rows)).toBe(want));
});

describe("revisionTemplate", () => {
  it("keeps literal tabs and starts label continuation lines with a bare tab", () => {
    const template = {
      metadata: { labels: { app: "nginx", "pod-template-hash": "5d6f8b7c9" }, annotations: { "kubernetes.io/change-cause": "image bumped" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }] },
    };
    expect(revisionTemplate(template)).toBe(
      [
        "Pod Template:",
        "  Labels:\tapp=nginx",
        "\tpod-template-hash=5d6f8b7c9",
        "  Annotations:\tkubernetes.io/change-cause: image bumped",
        "  Containers:",
        "   nginx:",
        "    Image:\tnginx:1.27",
        "    Port:\t80/TCP",
        "    Host Port:\t0/TCP",
        "    Environment:\t<none>",
        "    Mounts:\t<none>",
        "  Volumes:\t<none>",
        "  Node-Selectors:\t<none>",
        "  Tolerations:\t<none>",
        "",
      ].join("\n"),
    );
  });
});
