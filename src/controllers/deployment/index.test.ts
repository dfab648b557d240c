import { describe, expect, it } from "vitest";
import type { Write } from "../types";
import type { KubeObject } from "../../api/types";
import { deploymentController } from "./index";
import { at, deployment, pod, replicaSet, rng, summarize, T0, viewWith } from "../../../test/builders";
import type { Buildable } from "../../../test/builders";
import type { Instant } from "../../sim/time";

const KEY = "Deployment/default/web";
const REV = "deployment.kubernetes.io/revision";

/** RS writes show their size; Deployment writes show the revision or the status. */
function detail(w: Write): string {
  if (w.op === "delete" || w.op === "bind") return "";
  const o = w.object;
  if (o.kind === "ReplicaSet") {
    const a = o.metadata.annotations ?? {};
    const h = a["deployment.kubernetes.io/revision-history"];
    const history = h === undefined ? "" : ` revision=${a[REV]} history=${h}`;
    return `replicas=${o.spec.replicas}${history}`;
  }
  if (w.op === "update") return `revision=${o.metadata.annotations?.[REV]}`;
  const s = o.status ?? {};
  const conds = (s.conditions ?? []).map((c: { type: string; status: string; reason: string }) => `${c.type}=${c.status}/${c.reason}`).join(",");
  const collisions = s.collisionCount === undefined ? "" : ` collisions=${s.collisionCount}`;
  return `r=${s.replicas ?? 0} up=${s.updatedReplicas ?? 0} ready=${s.readyReplicas ?? 0} av=${s.availableReplicas ?? 0} unav=${s.unavailableReplicas ?? 0} [${conds}]${collisions}`;
}

const web = () => deployment("web");
const nameOf = (b: { build(): KubeObject }) => b.build().metadata.name!;

/** A converged status for R replicas (Available, Progressing NewReplicaSetAvailable). */
function converged(r: number, rsName: string) {
  const t = "2025-01-01T10:00:00Z";
  return {
    observedGeneration: 1,
    ...(r ? { replicas: r, updatedReplicas: r, readyReplicas: r, availableReplicas: r } : {}),
    conditions: [
      { type: "Available", status: "True", lastUpdateTime: t, lastTransitionTime: t, reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
      { type: "Progressing", status: "True", lastUpdateTime: t, lastTransitionTime: t, reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rsName}" has successfully progressed.` },
    ],
  };
}

// Builders mutate, so each use gets a fresh one.
const current = () => web().replicas(3).rs({ replicas: 3 });
const CUR = nameOf(current());
const old = () => web().replicas(3).rs({ image: "nginx:1.24", replicas: 3, created: at("-1h") });
const OLD = nameOf(old());

interface Case {
  name: string;
  given: Buildable[];
  now?: Instant;
  want: string[];
  requeueAfter?: number;
}

const cases: Case[] = [
  {
    name: "creates the first ReplicaSet, named <deploy>-<hash>, with every replica, and records revision 1",
    given: [web().replicas(3)],
    want: [
      `create ReplicaSet ${CUR} replicas=3`,
      "update Deployment web revision=1",
      "updateStatus Deployment web r=0 up=0 ready=0 av=0 unav=3 [Progressing=True/NewReplicaSetCreated,Available=False/MinimumReplicasUnavailable]",
      `event ScalingReplicaSet Scaled up replica set ${CUR} from 0 to 3`,
    ],
  },
  {
    name: "reports progress as the new ReplicaSet's pods come up",
    given: [web().replicas(3).revision(1).status({ observedGeneration: 1, unavailableReplicas: 3 }), web().replicas(3).rs({ replicas: 3, available: 1 })],
    want: [
      "updateStatus Deployment web r=3 up=3 ready=1 av=1 unav=2 [Available=False/MinimumReplicasUnavailable,Progressing=True/ReplicaSetUpdated]",
    ],
  },
  {
    name: "marks the rollout complete when every replica is updated and available",
    given: [web().replicas(3).revision(1).status({ ...converged(3, CUR), conditions: [] }), current()],
    want: ["updateStatus Deployment web r=3 up=3 ready=3 av=3 unav=0 [Available=True/MinimumReplicasAvailable,Progressing=True/NewReplicaSetAvailable]"],
  },
  {
    name: "starts a rolling update by surging the new ReplicaSet by maxSurge (25% of 3 rounds up to 1)",
    given: [web().replicas(3).revision(1).status(converged(3, OLD)), old()],
    want: [
      `create ReplicaSet ${CUR} replicas=1`,
      "update Deployment web revision=2",
      "updateStatus Deployment web r=3 up=0 ready=3 av=3 unav=1 [Available=True/MinimumReplicasAvailable,Progressing=True/NewReplicaSetCreated]",
      `event ScalingReplicaSet Scaled up replica set ${CUR} from 0 to 1`,
    ],
  },
  {
    name: "scales the old ReplicaSet down once a new pod is available",
    given: [web().replicas(3).revision(2).status(converged(3, OLD)), old(), web().replicas(3).rs({ replicas: 1, revision: 2 })],
    want: [`update ReplicaSet ${OLD} replicas=2`, "updateStatus Deployment web r=4 up=1 ready=4 av=4 unav=0 [Available=True/MinimumReplicasAvailable,Progressing=True/ReplicaSetUpdated]", `event ScalingReplicaSet Scaled down replica set ${OLD} from 3 to 2`],
  },
  {
    name: "does not scale the old ReplicaSet down while the new pods are unavailable and maxUnavailable is 0",
    given: [web().replicas(3).revision(2).status({ ...converged(3, OLD), replicas: 4, updatedReplicas: 1, unavailableReplicas: 1 }), old(), web().replicas(3).rs({ replicas: 1, available: 0, revision: 2 })],
    want: [],
    // No progress: come back when the progress deadline (600s after the last update) has passed.
    requeueAfter: 601_000,
  },
  {
    name: "scales an old ReplicaSet's unhealthy replicas down first",
    given: [
      web().replicas(3).revision(2).status(converged(3, OLD)),
      web().replicas(3).rs({ image: "nginx:1.24", replicas: 3, available: 1, created: at("-1h") }),
      web().replicas(3).rs({ replicas: 1, revision: 2 }),
    ],
    // maxScaledDown = 4 − 3 − 0 = 1; the status still counts the RS sizes read at the start.
    want: [`update ReplicaSet ${OLD} replicas=2`, "updateStatus Deployment web r=4 up=1 ready=2 av=2 unav=2 [Progressing=True/NewReplicaSetAvailable,Available=False/MinimumReplicasUnavailable]", `event ScalingReplicaSet Scaled down replica set ${OLD} from 3 to 2`],
  },
  {
    name: "scales the only active ReplicaSet when spec.replicas changes",
    given: [web().replicas(5).revision(1).status(converged(3, CUR)), current()],
    // Available needs 5 − 1; a condition whose status changes moves to the end, as upstream's does.
    want: [`update ReplicaSet ${CUR} replicas=5`, "updateStatus Deployment web r=3 up=3 ready=3 av=3 unav=0 [Progressing=True/NewReplicaSetAvailable,Available=False/MinimumReplicasUnavailable]", `event ScalingReplicaSet Scaled up replica set ${CUR} from 3 to 5`],
  },
  {
    name: "scales mid-rollout ReplicaSets proportionally (10→15 with old 8, new 5)",
    given: [
      web().replicas(15).revision(2).status(converged(10, OLD)),
      web().replicas(10).rs({ image: "nginx:1.24", replicas: 8, created: at("-1h") }),
      web().replicas(10).rs({ replicas: 5, available: 0, revision: 2 }),
    ],
    want: [
      `update ReplicaSet ${nameOf(web().rs({ image: "nginx:1.24", replicas: 8 }))} replicas=12`,
      `update ReplicaSet ${CUR} replicas=7`,
      "updateStatus Deployment web r=13 up=5 ready=8 av=8 unav=5 [Progressing=True/NewReplicaSetAvailable,Available=False/MinimumReplicasUnavailable]",
      `event ScalingReplicaSet Scaled up replica set ${OLD} from 8 to 12`,
      `event ScalingReplicaSet Scaled up replica set ${CUR} from 5 to 7`,
    ],
  },
  {
    name: "does not roll out a paused Deployment and marks it paused",
    given: [web().replicas(3).paused().revision(1).status(converged(3, OLD)), old()],
    want: ["updateStatus Deployment web r=3 up=3 ready=3 av=3 unav=0 [Available=True/MinimumReplicasAvailable,Progressing=Unknown/DeploymentPaused]"],
  },
  {
    name: "keeps a paused Deployment's ReplicaSets as they are once the pause is recorded",
    given: [
      web()
        .replicas(3)
        .paused()
        .revision(1)
        .status({ ...converged(3, OLD), updatedReplicas: undefined, conditions: [converged(3, OLD).conditions[0], { type: "Progressing", status: "Unknown", lastUpdateTime: "2025-01-01T10:00:00Z", lastTransitionTime: "2025-01-01T10:00:00Z", reason: "DeploymentPaused", message: "Deployment is paused" }] }),
      old(),
    ],
    want: [],
  },
  {
    name: "scales every old ReplicaSet to zero first under Recreate",
    given: [web().replicas(3).recreate().revision(1).status(converged(3, OLD)), web().recreate().replicas(3).rs({ image: "nginx:1.24", replicas: 3 })],
    want: [`update ReplicaSet ${nameOf(web().recreate().rs({ image: "nginx:1.24", replicas: 3 }))} replicas=0`, "updateStatus Deployment web r=3 up=0 ready=3 av=3 unav=0 [Available=True/MinimumReplicasAvailable,Progressing=True/NewReplicaSetAvailable]", `event ScalingReplicaSet Scaled down replica set ${nameOf(web().recreate().rs({ image: "nginx:1.24", replicas: 3 }))} from 3 to 0`],
  },
  {
    name: "waits under Recreate while an old pod still runs",
    given: [
      web().replicas(3).recreate().revision(1).status({ ...converged(0, OLD), observedGeneration: 1 }),
      web().recreate().replicas(3).rs({ image: "nginx:1.24", replicas: 0 }).counts(0),
      pod("web-old-1").labels({ app: "web" }).ownedBy(web().recreate().replicas(3).rs({ image: "nginx:1.24", replicas: 0 })).ready().deleting(at("30s")),
    ],
    want: ["updateStatus Deployment web r=0 up=0 ready=0 av=0 unav=0 [Progressing=True/NewReplicaSetAvailable,Available=False/MinimumReplicasUnavailable]"],
  },
  {
    name: "creates the new ReplicaSet at full size under Recreate once the old pods are gone",
    given: [web().replicas(3).recreate().revision(1).status({ ...converged(0, OLD), observedGeneration: 1 }), web().recreate().replicas(3).rs({ image: "nginx:1.24", replicas: 0 }).counts(0)],
    want: [
      `create ReplicaSet ${nameOf(web().recreate().replicas(3).rs({ replicas: 3 }))} replicas=3`,
      "update Deployment web revision=2",
      "updateStatus Deployment web r=0 up=0 ready=0 av=0 unav=3 [Progressing=True/NewReplicaSetCreated,Available=False/MinimumReplicasUnavailable]",
      `event ScalingReplicaSet Scaled up replica set ${nameOf(web().recreate().replicas(3).rs({ replicas: 3 }))} from 0 to 3`,
    ],
  },
  {
    name: "adopts an orphan ReplicaSet matching its selector",
    given: [
      web().replicas(3).revision(1).status(converged(3, CUR)),
      replicaSet(CUR).labels({ app: "web" }).selector({ app: "web" }).replicas(3).counts(3).build(),
    ],
    want: [`update ReplicaSet ${CUR} replicas=3`],
  },
  {
    name: "deletes old ReplicaSets beyond revisionHistoryLimit once complete, lowest revision first",
    given: [
      web().replicas(3).historyLimit(1).revision(3).status(converged(3, CUR)),
      current().annotations({ [REV]: "3" }),
      web().rs({ image: "nginx:1.23", replicas: 0, revision: 1 }).counts(0),
      web().rs({ image: "nginx:1.24", replicas: 0, revision: 2 }).counts(0),
    ],
    want: [`delete ReplicaSet ${nameOf(web().rs({ image: "nginx:1.23", replicas: 0 }))}`],
  },
  {
    name: "times out a rollout with no progress for progressDeadlineSeconds",
    now: at("601s"),
    given: [
      web().replicas(3).revision(2).status({
        ...converged(3, OLD),
        replicas: 4,
        updatedReplicas: 1,
        unavailableReplicas: 1,
        conditions: [converged(3, OLD).conditions[0], { type: "Progressing", status: "True", lastUpdateTime: "2025-01-01T10:00:00Z", lastTransitionTime: "2025-01-01T10:00:00Z", reason: "ReplicaSetUpdated", message: `ReplicaSet "${CUR}" is progressing.` }],
      }),
      old(),
      web().replicas(3).rs({ replicas: 1, available: 0, revision: 2 }),
    ],
    want: ["updateStatus Deployment web r=4 up=1 ready=3 av=3 unav=1 [Available=True/MinimumReplicasAvailable,Progressing=False/ProgressDeadlineExceeded]"],
  },
  {
    name: "comes back when the progress deadline would pass",
    now: at("100s"),
    given: [
      web().replicas(3).revision(2).status({
        ...converged(3, OLD),
        replicas: 4,
        updatedReplicas: 1,
        unavailableReplicas: 1,
        conditions: [converged(3, OLD).conditions[0], { type: "Progressing", status: "True", lastUpdateTime: "2025-01-01T10:00:00Z", lastTransitionTime: "2025-01-01T10:00:00Z", reason: "ReplicaSetUpdated", message: `ReplicaSet "${CUR}" is progressing.` }],
      }),
      old(),
      web().replicas(3).rs({ replicas: 1, available: 0, revision: 2 }),
    ],
    want: [],
    requeueAfter: 501_000,
  },
  {
    name: "renumbers an old ReplicaSet whose template matches again (a rollback) and keeps its old revision in revision-history",
    given: [
      web().replicas(3).revision(2).status(converged(3, OLD)),
      web().replicas(3).rs({ replicas: 0, revision: 1, created: at("-2h") }).counts(0),
      web().replicas(3).rs({ image: "nginx:1.24", replicas: 3, revision: 2, created: at("-1h") }),
    ],
    want: [
      `update ReplicaSet ${CUR} replicas=1 revision=3 history=1`,
      "updateStatus Deployment web r=3 up=0 ready=3 av=3 unav=0 [Available=True/MinimumReplicasAvailable,Progressing=True/NewReplicaSetAvailable]",
      `event ScalingReplicaSet Scaled up replica set ${CUR} from 0 to 1`,
    ],
  },
  {
    name: "still scales a paused Deployment when spec.replicas changes",
    given: [
      web()
        .replicas(5)
        .paused()
        .revision(1)
        .status({ ...converged(3, CUR), conditions: [converged(3, CUR).conditions[0], { type: "Progressing", status: "Unknown", lastUpdateTime: "2025-01-01T10:00:00Z", lastTransitionTime: "2025-01-01T10:00:00Z", reason: "DeploymentPaused", message: "Deployment is paused" }] }),
      current(),
    ],
    want: [`update ReplicaSet ${CUR} replicas=5`, "updateStatus Deployment web r=3 up=3 ready=3 av=3 unav=0 [Progressing=Unknown/DeploymentPaused,Available=False/MinimumReplicasUnavailable]", `event ScalingReplicaSet Scaled up replica set ${CUR} from 3 to 5`],
  },
  {
    name: "counts a hash collision with a ReplicaSet it does not own and hashes again next time",
    given: [web().replicas(3), replicaSet(CUR).labels({ app: "other" }).selector({ app: "other" }).counts(1)],
    want: ["updateStatus Deployment web r=0 up=0 ready=0 av=0 unav=0 [] collisions=1"],
  },
  {
    name: "does nothing in a converged state",
    given: [web().replicas(3).revision(1).status(converged(3, CUR)), current()],
    want: [],
  },
];

describe("deploymentController.reconcile", () => {
  it.each(cases)("$name", ({ given, now, want, requeueAfter }) => {
    const { view } = viewWith(...given);
    const out = deploymentController.reconcile(view, KEY, now ?? T0, rng());
    expect(summarize(out, detail)).toEqual(want);
    expect(out.requeueAfter).toBe(requeueAfter);
  });

  it("creates the new ReplicaSet with the hash in its labels, selector and template, and the annotations", () => {
    const { view } = viewWith(web().replicas(3).annotations({ "kubernetes.io/change-cause": "first", "kubectl.kubernetes.io/last-applied-configuration": "{}" }));
    const rs = deploymentController.reconcile(view, KEY, T0, rng()).writes[0];
    const hash = CUR.slice("web-".length);
    expect(hash).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(rs.op === "create" && rs.object).toEqual({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: CUR,
        namespace: "default",
        labels: { app: "web", "pod-template-hash": hash },
        annotations: {
          "kubernetes.io/change-cause": "first",
          "deployment.kubernetes.io/revision": "1",
          "deployment.kubernetes.io/desired-replicas": "3",
          "deployment.kubernetes.io/max-replicas": "4",
        },
        ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "uid-deployment-web", controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web", "pod-template-hash": hash } },
        template: { metadata: { labels: { app: "web", "pod-template-hash": hash } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } },
      },
    });
  });

  it("returns nothing for a Deployment that is gone", () => {
    expect(deploymentController.reconcile(viewWith().view, KEY, T0, rng())).toEqual({ writes: [], events: [] });
  });
});
