// One sync of one Deployment: the working copy upstream's syncDeployment mutates (d), and
// what the sync intends to do. Upstream calls the API server at each step; kubesim collects the
// writes instead, one per object (a ReplicaSet scaled twice in one pass gets one write holding
// its final state, but an event for each step), and emits them in order at the end.

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Duration, Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";
import type { Condition } from "../../api/types";
import type { EventNote, Outcome, Write } from "../types";
import { sameJSON } from "../shared/canonical";
import { maxSurge } from "./fenceposts";
import { replicas, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from "./util";
import { deepCopy } from "../../api/deep-copy";

export const SOURCE = "deployment-controller";

export class SyncContext {
  /**
   * The working copy: annotations and status change as the sync goes; the spec never does, so
   * it is the stored one (the template's remembered canonical text then serves every sync).
   */
  readonly d: KubeObject;
  private readonly rsWrites = new Map<string, Write>();
  private readonly otherWrites: Write[] = [];
  readonly events: EventNote[] = [];
  requeueAfter?: Duration;

  readonly view: ClusterView;
  readonly original: KubeObject;
  readonly now: Instant;

  constructor(view: ClusterView, original: KubeObject, now: Instant) {
    this.view = view;
    this.original = original;
    this.now = now;
    this.d = { ...original, metadata: deepCopy(original.metadata) };
    if (original.status !== undefined) this.d.status = deepCopy(original.status);
  }

  /** NewDeploymentCondition: both times are now. */
  condition(type: string, status: Condition["status"], reason: string, message: string): Condition {
    const t = toRFC3339(this.now);
    return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
  }

  createReplicaSet(rs: KubeObject): void {
    this.rsWrites.set(rs.metadata.name ?? "", { op: "create", object: rs });
  }

  updateReplicaSet(rs: KubeObject): void {
    const name = rs.metadata.name ?? "";
    const prior = this.rsWrites.get(name);
    this.rsWrites.set(name, { op: prior?.op === "create" ? "create" : "update", object: rs });
  }

  write(w: Write): void {
    this.otherWrites.push(w);
  }

  /**
   * scaleReplicaSet: sets the size and the desired/max-replicas annotations; records the
   * ScalingReplicaSet event when the size changed. Returns [scaled, the updated RS].
   */
  scaleReplicaSet(rs: KubeObject, newScale: number): [boolean, KubeObject] {
    const r = replicas(this.d);
    const max = r + maxSurge(this.d);
    const sizeNeedsUpdate = replicas(rs) !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, r, max)) return [false, rs];
    const oldScale = replicas(rs);
    const copy = setReplicasAnnotations({ ...rs, spec: { ...rs.spec, replicas: newScale } }, r, max);
    this.updateReplicaSet(copy);
    if (!sizeNeedsUpdate) return [false, copy];
    const op = oldScale < newScale ? "up" : "down";
    this.event(`Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    return [true, copy];
  }

  /** scaleReplicaSetAndRecordEvent: no write at all when the size is already right. */
  scaleReplicaSetAndRecordEvent(rs: KubeObject, newScale: number): [boolean, KubeObject] {
    if (replicas(rs) === newScale) return [false, rs];
    return this.scaleReplicaSet(rs, newScale);
  }

  event(message: string): void {
    this.events.push({ regarding: this.original, type: "Normal", reason: "ScalingReplicaSet", message, source: SOURCE });
  }

  /**
   * The Outcome: ReplicaSet writes, other writes, then the Deployment's metadata update (the
   * revision annotation) and its status update. When both are needed, the status write follows
   * our own metadata write, so it carries no resourceVersion.
   */
  outcome(): Outcome {
    const writes: Write[] = [...this.rsWrites.values(), ...this.otherWrites];
    const metaChanged = !sameJSON(this.d.metadata, this.original.metadata);
    if (metaChanged) writes.push({ op: "update", object: { ...this.d, status: this.original.status } });
    if (!sameJSON(this.d.status ?? {}, this.original.status ?? {})) {
      const object = deepCopy(this.d);
      if (metaChanged) delete object.metadata.resourceVersion;
      writes.push({ op: "updateStatus", object });
    }
    const out: Outcome = { writes, events: this.events };
    return this.requeueAfter === undefined ? out : { ...out, requeueAfter: this.requeueAfter };
  }
}
