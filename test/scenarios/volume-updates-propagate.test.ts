// Scenario: a ConfigMap, Secret or label change reaches a running pod's volume at the pod's
// next periodic kubelet sync (at most 60s later, counted from its sandbox's creation) and not
// before, while the env vars it started with stay as they were.

import { describe, expect, it } from "vitest";
import { freshCluster } from "../conformance/seed-states";
import { seconds } from "../../src/sim/time";
import type { Cluster } from "../../src/sim/cluster";
import type { KubeObject } from "../../src/api/types";
import { viewOf } from "../../src/api/store/view";
import { containerLogs } from "../../src/kubelet/logs";
import { execInContainer } from "../../src/kubelet/exec";
import { readPodRecord } from "../../src/kubelet/runtime-record";

const PERIOD = 60_000;

const podOf = (c: Cluster, name: string) => c.store.get(`Pod/default/${name}`)!;
const logLines = (c: Cluster, name: string) => containerLogs(viewOf(c.store, c.runtime), podOf(c, name), "c", false) ?? [];
const exec = (c: Cluster, name: string, argv: string[]) =>
  execInContainer(viewOf(c.store, c.runtime), podOf(c, name), "c", argv, c.now).output.map((o) => o.text).join("");
const sandboxCreatedAt = (c: Cluster, name: string) => readPodRecord(viewOf(c.store, c.runtime), podOf(c, name).metadata.uid ?? "")!.sandbox.createdAt;

function watcher(name: string, volume: Record<string, unknown>, env: unknown[] = []): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { tier: "a" } },
    spec: {
      containers: [
        {
          name: "c",
          image: "busybox",
          command: ["sh", "-c", "while true; do cat /etc/config/k; sleep 10; done"],
          env,
          volumeMounts: [{ name: "config", mountPath: "/etc/config" }],
        },
      ],
      volumes: [{ name: "config", ...volume }],
    },
  };
}

/** The change is made 25s into the pod's life; it lands at the first periodic sync after. */
function changeAndWatch(c: Cluster, name: string, change: () => void): { changedAt: number; syncAt: number } {
  c.settle();
  c.advance(seconds(25));
  const changedAt = c.now;
  change();
  c.settle();
  const created = sandboxCreatedAt(c, name);
  const syncAt = created + Math.ceil((changedAt - created) / PERIOD) * PERIOD;
  return { changedAt, syncAt };
}

describe("volume updates propagate after the kubelet's sync delay", () => {
  it("a changed ConfigMap is printed from the next periodic sync on, not before; env stays old", () => {
    const c = freshCluster();
    c.api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { k: "old" } });
    c.api.create(watcher("cm", { configMap: { name: "cfg" } }, [{ name: "K", valueFrom: { configMapKeyRef: { name: "cfg", key: "k" } } }]));
    const { changedAt, syncAt } = changeAndWatch(c, "cm", () => {
      const cm = c.store.get("ConfigMap/default/cfg")!;
      c.api.update({ ...cm, data: { k: "new" } });
    });
    expect(syncAt - changedAt).toBeGreaterThan(0);
    expect(syncAt - changedAt).toBeLessThanOrEqual(PERIOD);
    c.advance(seconds(60));
    expect(exec(c, "cm", ["cat", "/etc/config/k"])).toBe("new");
    const lines = logLines(c, "cm");
    const before = lines.filter((l) => l.at < syncAt).map((l) => l.text);
    const after = lines.filter((l) => l.at >= syncAt).map((l) => l.text);
    expect(before.length).toBeGreaterThan(2);
    expect(new Set(before)).toEqual(new Set(["old"]));
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after)).toEqual(new Set(["new"]));
    expect(exec(c, "cm", ["printenv", "K"])).toBe("old\n");
  });

  it("a changed Secret reaches its volume only at the next periodic sync", () => {
    const c = freshCluster();
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    c.api.create({ apiVersion: "v1", kind: "Secret", metadata: { name: "sec" }, data: { k: b64("s1") } });
    c.api.create(watcher("sec", { secret: { secretName: "sec" } }));
    const { syncAt } = changeAndWatch(c, "sec", () => {
      const s = c.store.get("Secret/default/sec")!;
      c.api.update({ ...s, data: { k: b64("s2") } });
    });
    c.advance(seconds(Math.floor((syncAt - c.now) / 1000) - 1));
    expect(exec(c, "sec", ["cat", "/etc/config/k"])).toBe("s1");
    c.advance(seconds(1));
    expect(exec(c, "sec", ["cat", "/etc/config/k"])).toBe("s2");
  });

  it("a label change reaches a downwardAPI volume at the next periodic sync", () => {
    const c = freshCluster();
    c.api.create(watcher("dapi", { downwardAPI: { items: [{ path: "k", fieldRef: { fieldPath: "metadata.labels" } }] } }));
    const { syncAt } = changeAndWatch(c, "dapi", () => {
      const p = podOf(c, "dapi");
      c.api.update({ ...p, metadata: { ...p.metadata, labels: { tier: "b" } } });
    });
    c.advance(seconds(Math.floor((syncAt - c.now) / 1000) - 1));
    expect(exec(c, "dapi", ["cat", "/etc/config/k"])).toBe('tier="a"');
    c.advance(seconds(1));
    expect(exec(c, "dapi", ["cat", "/etc/config/k"])).toBe('tier="b"');
  });

  it("a sleeping pod is woken for the change: the kubelet requeues it, no process wake-up needed", () => {
    const c = freshCluster();
    c.api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { k: "old" } });
    const pod = watcher("sleeper", { configMap: { name: "cfg" } });
    pod.spec!.containers[0].command = ["sh", "-c", "sleep 3600"];
    c.api.create(pod);
    const { syncAt } = changeAndWatch(c, "sleeper", () => {
      const cm = c.store.get("ConfigMap/default/cfg")!;
      c.api.update({ ...cm, data: { k: "new" } });
    });
    c.advance(seconds(Math.floor((syncAt - c.now) / 1000) - 1));
    expect(exec(c, "sleeper", ["cat", "/etc/config/k"])).toBe("old");
    c.advance(seconds(1));
    expect(exec(c, "sleeper", ["cat", "/etc/config/k"])).toBe("new");
  });

  it("an unchanged ConfigMap causes no remount and no writes once settled", () => {
    const c = freshCluster();
    c.api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { k: "same" } });
    c.api.create(watcher("still", { configMap: { name: "cfg" } }));
    c.settle();
    c.advance(seconds(30));
    const record = structuredClone(readPodRecord(viewOf(c.store, c.runtime), podOf(c, "still").metadata.uid ?? ""));
    expect(record?.volumeRemountAt).toBeUndefined();
    const cm = c.store.get("ConfigMap/default/cfg")!;
    c.api.update({ ...cm, metadata: { ...cm.metadata, labels: { touched: "yes" } } });
    c.settle();
    expect(readPodRecord(viewOf(c.store, c.runtime), podOf(c, "still").metadata.uid ?? "")).toEqual(record);
  });
});
