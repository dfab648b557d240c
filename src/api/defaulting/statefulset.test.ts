import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { applyDefaults } from "./index";

const sts = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "web" }, spec: { template: { spec: { containers: [{ name: "c", image: "nginx:1.27" }] } }, ...spec } });

describe("StatefulSet defaults", () => {
  it.each([
    {
      name: "fills replicas, policy, RollingUpdate with partition 0, history limit and Retain/Retain",
      spec: {},
      want: { replicas: 1, podManagementPolicy: "OrderedReady", updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10, persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" } },
    },
    { name: "leaves rollingUpdate unset when the type is given without it", spec: { updateStrategy: { type: "RollingUpdate" } }, want: { updateStrategy: { type: "RollingUpdate" } } },
    { name: "gives a rollingUpdate without partition partition 0", spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: {} } }, want: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } } },
    { name: "leaves OnDelete alone", spec: { updateStrategy: { type: "OnDelete" } }, want: { updateStrategy: { type: "OnDelete" } } },
    { name: "keeps a given retention policy half and defaults the other", spec: { persistentVolumeClaimRetentionPolicy: { whenScaled: "Delete" } }, want: { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Delete" } } },
  ])("$name", ({ spec, want }) => {
    const out = applyDefaults(sts(spec)).spec;
    expect(out).toMatchObject(want);
    // toMatchObject ignores extra keys: the strategy must match exactly (no invented rollingUpdate).
    expect(out.updateStrategy).toEqual(want.updateStrategy ?? out.updateStrategy);
  });

  it("defaults the claim templates like claims (volumeMode Filesystem, phase Pending) and the pod template", () => {
    const out = applyDefaults(sts({ volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"] } }] })).spec;
    expect(out.volumeClaimTemplates[0]).toEqual({ metadata: { name: "www", creationTimestamp: null }, spec: { accessModes: ["ReadWriteOnce"], volumeMode: "Filesystem" }, status: { phase: "Pending" } });
    expect(out.template.spec.restartPolicy).toBe("Always");
  });
});
