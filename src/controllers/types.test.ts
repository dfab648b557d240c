// The shared triggers: which keys a changed object wakes.

import { describe, expect, it } from "vitest";
import type { KubeObject, OwnerReference } from "../api/types";
import type { ClusterView } from "../api/store/view";
import { owner } from "./types";

const view = {} as ClusterView; // owner() reads only the object
const ref = (kind: string, name: string, controller?: boolean): OwnerReference => ({ apiVersion: "v1", kind, name, uid: `uid-${name}`, ...(controller !== undefined && { controller }) });
const pod = (refs?: OwnerReference[]): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "team", ...(refs && { ownerReferences: refs }) } });

describe("owner(kind, ownerKind): the controlling owner of that kind", () => {
  const trigger = owner("Pod", "Job");
  it.each([
    { name: "no owners", obj: pod(), want: [] },
    { name: "the controlling Job", obj: pod([ref("Job", "pi", true)]), want: ["Job/team/pi"] },
    { name: "a Job that does not control it", obj: pod([ref("Job", "pi", false)]), want: [] },
    { name: "a Job reference without controller", obj: pod([ref("Job", "pi")]), want: [] },
    { name: "a controller of another kind", obj: pod([ref("ReplicaSet", "web", true)]), want: [] },
    { name: "the controller among others", obj: pod([ref("ConfigMap", "c"), ref("Job", "pi", true), ref("Job", "old", false)]), want: ["Job/team/pi"] },
  ])("$name", ({ obj, want }) => {
    expect(trigger.keysFor(obj, view)).toEqual(want);
  });

  it("keys a cluster-scoped object's owner with no namespace", () => {
    const clusterScoped: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", ownerReferences: [ref("Job", "pi", true)] } };
    expect(trigger.keysFor(clusterScoped, view)).toEqual(["Job//pi"]);
  });
});
