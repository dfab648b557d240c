import { describe, expect, it } from "vitest";
import { STATEFULSET_SPEC_FORBIDDEN, validateStatefulSetUpdate } from "./statefulset";

const spec = { replicas: 2, serviceName: "nginx", podManagementPolicy: "OrderedReady", selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [{ name: "c", image: "a" }] } }, volumeClaimTemplates: [{ metadata: { name: "www" } }] };

describe("validateStatefulSetUpdate", () => {
  it.each([
    { name: "allows a new replica count, template, strategy, history limit, retention policy, ordinals and minReadySeconds", change: { replicas: 5, template: { spec: { containers: [{ name: "c", image: "b" }] } }, updateStrategy: { type: "OnDelete" }, revisionHistoryLimit: 3, persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete" }, ordinals: { start: 1 }, minReadySeconds: 5 }, forbidden: false },
    { name: "forbids a new serviceName", change: { serviceName: "other" }, forbidden: true },
    { name: "forbids changing the volumeClaimTemplates", change: { volumeClaimTemplates: [{ metadata: { name: "data" } }] }, forbidden: true },
    { name: "forbids changing podManagementPolicy", change: { podManagementPolicy: "Parallel" }, forbidden: true },
    { name: "forbids changing the selector", change: { selector: { matchLabels: { app: "other" } } }, forbidden: true },
  ])("$name", ({ change, forbidden }) => {
    const issues = validateStatefulSetUpdate({ spec: { ...spec, ...change } }, { spec });
    expect(issues).toEqual(forbidden ? [{ type: "Forbidden", path: "spec", detail: STATEFULSET_SPEC_FORBIDDEN }] : []);
  });
});
