import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { resolveResource } from "../../api/registry";
import { listOptionsFor } from "./selector";

const pod = (name: string, labels: Record<string, string>, phase: string, nodeName?: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels },
  spec: { nodeName, containers: [] },
  status: { phase },
});

const PODS = [pod("a", { app: "web" }, "Running", "n1"), pod("b", { app: "db" }, "Pending"), pod("c", {}, "Running", "n2")];

function pick(type: string, label: string, field: string, objects: KubeObject[] = PODS): string[] {
  const opts = listOptionsFor(resolveResource(type)!, { label, field });
  return objects
    .filter((o) => (!opts.labelSelector || opts.labelSelector(o.metadata.labels)) && (!opts.fieldSelector || opts.fieldSelector(o)))
    .map((o) => o.metadata.name!);
}

const picks = [
  { name: "selects everything without selectors", type: "pods", label: "", field: "", want: ["a", "b", "c"] },
  { name: "selects by label equality", type: "pods", label: "app=web", field: "", want: ["a"] },
  { name: "selects objects lacking a label with !=", type: "pods", label: "app!=web", field: "", want: ["b", "c"] },
  { name: "selects by status.phase", type: "pods", label: "", field: "status.phase=Running", want: ["a", "c"] },
  { name: "selects unscheduled pods with an empty spec.nodeName", type: "pods", label: "", field: "spec.nodeName=", want: ["b"] },
  { name: "combines field requirements with !=", type: "pods", label: "", field: "status.phase==Running,metadata.name!=a", want: ["c"] },
  { name: "combines label and field selectors", type: "po", label: "app", field: "status.phase=Pending", want: ["b"] },
];

const errors = [
  {
    name: "rejects an unsupported pod field with the resource it was listing",
    type: "pods",
    label: "",
    field: "spec.foo=bar",
    error: 'Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo',
  },
  {
    name: "rejects metadata.namespace for a cluster-scoped kind",
    type: "nodes",
    label: "app=x",
    field: "metadata.namespace=default",
    error: 'Unable to find "/v1, Resource=nodes" that match label selector "app=x", field selector "metadata.namespace=default": field label not supported: metadata.namespace',
  },
  {
    name: "names the group of a grouped resource",
    type: "deploy",
    label: "",
    field: "status.phase=Running",
    error: 'Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "status.phase=Running": field label not supported: status.phase',
  },
];

describe("listOptionsFor", () => {
  it.each(picks)("$name", ({ type, label, field, want }) => {
    expect(pick(type, label, field)).toEqual(want);
  });
  it.each(errors)("$name", ({ type, label, field, error }) => {
    expect(() => listOptionsFor(resolveResource(type)!, { label, field })).toThrow(error);
  });
});
