import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { namespaceController } from "./namespace";
import type { Controller } from "./types";
import { createRng } from "../sim/random";
import { at, stamp, viewOver } from "../../test/builders/node-health";

function namespace(name: string, terminating: boolean): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, uid: `uid-ns-${name}`, resourceVersion: "1", ...(terminating && { deletionTimestamp: stamp(0) }) },
    spec: { finalizers: ["kubernetes"] },
  };
}

function object(kind: string, ns: string, name: string, deleting = false): KubeObject {
  return { apiVersion: "v1", kind, metadata: { name, namespace: ns, uid: `uid-${name}`, resourceVersion: "1", ...(deleting && { deletionTimestamp: stamp(0) }) } };
}

/** The keys the namespace controller is woken for when `changed` is created, in a cluster of `objects`. */
function wokenFor(objects: KubeObject[], changed: KubeObject): string[] {
  const view = viewOver([...objects, changed]);
  return (namespaceController as Controller).wakeOn
    .filter((t) => t.kind === changed.kind && (!t.concerns || t.concerns(undefined, changed)))
    .flatMap((t) => [...t.keysFor(changed, view)]);
}

describe("namespace controller triggers", () => {
  it.each([
    { name: "an Event in a live namespace wakes nothing", objects: [namespace("team", false)], changed: object("Event", "team", "e1"), want: [] },
    { name: "a Pod in a live namespace wakes nothing", objects: [namespace("team", false)], changed: object("Pod", "team", "p"), want: [] },
    { name: "a Pod gone from a terminating namespace wakes it", objects: [namespace("team", true)], changed: object("Pod", "team", "p"), want: ["Namespace//team"] },
    { name: "an Event in a terminating namespace wakes it", objects: [namespace("team", true)], changed: object("Event", "team", "e1"), want: ["Namespace//team"] },
    { name: "the namespace itself wakes it", objects: [], changed: namespace("team", false), want: ["Namespace//team"] },
  ])("$name", ({ objects, changed, want }) => {
    expect(wokenFor(objects, changed)).toEqual(want);
  });
});

describe("namespace controller", () => {
  const run = (objects: KubeObject[]) =>
    (namespaceController as Controller).reconcile(viewOver(objects), "Namespace//team", at(0), createRng(1)).writes.map((w) =>
      w.op === "delete" ? `delete ${w.ref.kind}/${w.ref.name}` : `${w.op} finalizers=${JSON.stringify((w as { object: KubeObject }).object.spec?.finalizers)}`,
    );

  it.each([
    { name: "a live namespace: nothing", objects: [namespace("team", false), object("Pod", "team", "p")], want: [] },
    { name: "terminating: everything in it is deleted", objects: [namespace("team", true), object("Pod", "team", "p"), object("ConfigMap", "team", "c")], want: ["delete ConfigMap/c", "delete Pod/p"] },
    { name: "terminating, objects already being deleted: wait", objects: [namespace("team", true), object("Pod", "team", "p", true)], want: [] },
    { name: "terminating and empty: the finalizer goes", objects: [namespace("team", true)], want: ["update finalizers=[]"] },
  ])("$name", ({ objects, want }) => {
    expect(run(objects)).toEqual(want);
  });
});
