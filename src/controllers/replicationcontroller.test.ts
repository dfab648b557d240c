import { describe, expect, it } from "vitest";
import { replicationControllerController } from "./replicationcontroller";
import { pod, replicationController, rng, summarize, T0, viewWith } from "../../test/builders";
import type { Buildable } from "../../test/builders";
import type { KubeObject } from "../api/types";

const KEY = "ReplicationController/default/web";
const rc = () => replicationController("web").selector({ app: "web" });
const owned = (name: string) => pod(name).labels({ app: "web" }).ownedBy(rc());

function withoutSelector(o: KubeObject): KubeObject {
  const { selector: _drop, ...spec } = o.spec;
  return { ...o, spec };
}

const cases: { name: string; given: Buildable[]; want: string[] }[] = [
  {
    name: "creates the missing pods with the replication-controller's events",
    given: [rc().replicas(2).counts(1), owned("web-a").ready()],
    want: ["create Pod web-vbs99", "event SuccessfulCreate Created pod: web-vbs99"],
  },
  {
    name: "deletes the surplus not-ready pod first",
    given: [rc().replicas(1).counts(2, 1), owned("web-a").ready(), owned("web-b").running()],
    want: ["delete Pod web-b", "event SuccessfulDelete Deleted pod: web-b"],
  },
  {
    name: "adopts an orphan matching its map selector",
    given: [rc().replicas(1).counts(0), pod("stray").labels({ app: "web", extra: "x" }).ready()],
    want: ["update Pod stray", "updateStatus ReplicationController web"],
  },
  {
    name: "defaults an absent selector to the template labels",
    given: [withoutSelector(rc().replicas(2).counts(1).build()), owned("web-a").ready()],
    want: ["create Pod web-vbs99", "event SuccessfulCreate Created pod: web-vbs99"],
  },
  {
    name: "does nothing in a converged state",
    given: [rc().replicas(2).counts(2), owned("web-a").ready(), owned("web-b").ready()],
    want: [],
  },
];

describe("replicationControllerController.reconcile", () => {
  it.each(cases)("$name", ({ given, want }) => {
    const { view } = viewWith(...given);
    expect(summarize(replicationControllerController.reconcile(view, KEY, T0, rng()))).toEqual(want);
  });

  it("stamps pods with a v1 ReplicationController reference and names the event source", () => {
    const { view } = viewWith(rc().replicas(1).counts(0));
    const out = replicationControllerController.reconcile(view, KEY, T0, rng());
    const w = out.writes[0];
    expect(w.op === "create" && w.object.metadata.ownerReferences).toEqual([
      { apiVersion: "v1", kind: "ReplicationController", name: "web", uid: "uid-replicationcontroller-web", controller: true, blockOwnerDeletion: true },
    ]);
    expect(out.events[0].source).toBe("replication-controller");
  });
});
