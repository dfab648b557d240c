import { describe, expect, it } from "vitest";
import { validateHorizontalPodAutoscaler } from "./horizontal-pod-autoscaler";

const ref = { apiVersion: "apps/v1", kind: "Deployment", name: "web" };
const hpa = (spec: object) => ({ metadata: { name: "h" }, spec: { scaleTargetRef: ref, maxReplicas: 5, ...spec } });
const invalid = (path: string, value: unknown, detail: string) => ({ type: "Invalid", path, value, detail, goType: undefined });
const cpu = (target: object) => ({ type: "Resource", resource: { name: "cpu", target } });

describe("validateHorizontalPodAutoscaler", () => {
  it.each([
    { name: "accepts a valid HPA", h: hpa({ minReplicas: 2, metrics: [cpu({ type: "Utilization", averageUtilization: 50 })] }), want: [] },
    {
      name: "refuses maxReplicas 0 against the defaulted minReplicas 1",
      h: hpa({ maxReplicas: 0 }),
      want: [invalid("spec.maxReplicas", 0, "must be greater than 0"), invalid("spec.maxReplicas", 0, "must be greater than or equal to `minReplicas`")],
    },
    { name: "refuses minReplicas above maxReplicas", h: hpa({ minReplicas: 7 }), want: [invalid("spec.maxReplicas", 5, "must be greater than or equal to `minReplicas`")] },
    {
      name: "refuses minReplicas 0 without HPAScaleToZero",
      h: hpa({ minReplicas: 0 }),
      want: [
        invalid("spec.minReplicas", 0, "must be greater than or equal to 1"),
        { type: "Forbidden", path: "spec.metrics", detail: "must specify at least one Object or External metric to support scaling to zero replicas" },
      ],
    },
    {
      name: "requires the target's kind and name",
      h: hpa({ scaleTargetRef: {} }),
      want: [{ type: "Required", path: "spec.scaleTargetRef.kind", detail: "" }, { type: "Required", path: "spec.scaleTargetRef.name", detail: "" }],
    },
    { name: "refuses a target name with a slash", h: hpa({ scaleTargetRef: { kind: "Deployment", name: "a/b" } }), want: [invalid("spec.scaleTargetRef.name", "a/b", "may not contain '/'")] },
    {
      name: "refuses a utilization below 1",
      h: hpa({ metrics: [cpu({ type: "Utilization", averageUtilization: 0 })] }),
      want: [invalid("spec.metrics[0].resource.target.averageUtilization", 0, "must be greater than 0")],
    },
    {
      name: "refuses an unknown metric target type",
      h: hpa({ metrics: [cpu({ type: "Percent", averageUtilization: 50 })] }),
      want: [invalid("spec.metrics[0].resource.target.type", "Percent", "must be either Utilization, Value, or AverageValue")],
    },
    {
      name: "requires the source its type names",
      h: hpa({ metrics: [{ type: "Pods" }] }),
      want: [{ type: "Required", path: "spec.metrics[0].pods", detail: "must populate information for the given metric source" }],
    },
    {
      name: "refuses a scaling policy of no pods per no seconds",
      h: hpa({ behavior: { scaleDown: { policies: [{ type: "Pods", value: 0, periodSeconds: 0 }] } } }),
      want: [
        invalid("spec.behavior.scaleDown.policies[0].value", 0, "must be greater than zero"),
        invalid("spec.behavior.scaleDown.policies[0].periodSeconds", 0, "must be greater than zero"),
      ],
    },
  ])("$name", ({ h, want }) => {
    expect(validateHorizontalPodAutoscaler(h)).toEqual(want);
  });
});
