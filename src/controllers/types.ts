// The controller contract (STYLE.md §4): a controller reads a read-only view and returns its
// intended writes; the engine applies them through the API server, records the events and
// comes back at `requeueAfter`. The scheduler and the kubelets use the same contract.

import type { KubeObject, ObjectKey, ObjectRef } from "../api/types";
import { objectKey } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Duration, Instant } from "../sim/time";
import type { Rng } from "../sim/random";
import { placementChanged } from "./shared/change-predicates";

export type Write =
  /**
   * Create an object (server fills uid, resourceVersion, creationTimestamp; generateName
   * honoured). The object may share parts with stored ones: the API server stores a copy.
   */
  | { readonly op: "create"; readonly object: KubeObject; readonly onRejected?: OnRejected; readonly afterCreate?: AfterCreate }
  /** Replace spec/metadata; carries the resourceVersion it read (a stale one is a conflict). */
  | { readonly op: "update"; readonly object: KubeObject; readonly onRejected?: OnRejected }
  /**
   * Bind a pod to a node (the pods/binding subresource): sets spec.nodeName and the
   * PodScheduled=True condition in one write, which a plain pod update may not do.
   */
  | { readonly op: "bind"; readonly ref: ObjectRef; readonly nodeName: string; readonly uid?: string }
  /** Replace status only. */
  | { readonly op: "updateStatus"; readonly object: KubeObject }
  /**
   * Delete through the API (graceful for bound pods; propagation as given, default Background).
   * `gracePeriodSeconds: 0` with `force` removes the object at once (the kubelet's final delete).
   */
  | {
      readonly op: "delete";
      readonly ref: ObjectRef;
      readonly propagationPolicy?: "Background" | "Foreground" | "Orphan";
      readonly gracePeriodSeconds?: number;
      readonly force?: boolean;
      /** Only delete if the object still has this uid (a precondition, as upstream uses). */
      readonly uid?: string;
    };

/** The API server's refusal of a write, as the controller's Go code would see it. */
export interface RejectedWrite {
  readonly reason: string;
  /** err.Error(): `Pod "web-0" is invalid: spec.containers[0].image: Required value`. */
  readonly message: string;
}

/**
 * How a controller handles the API server rejecting one of its writes (Invalid, Forbidden…):
 * upstream records a Warning on its error path, and the sync returns the error, so the work
 * queue retries the key with back-off. The engine records `events(err)` in place of `replaces`
 * and requeues the key after a back-off. A rejected write without this is a kubesim bug (an
 * internal error). Conflict, NotFound and AlreadyExists keep their own handling.
 * @example
 *   const created = note("SuccessfulCreate", "Created pod: web-x");
 *   writes.push({ op: "create", object: pod, onRejected: { replaces: created, batch: "pods",
 *     events: (err) => [warning("FailedCreate", `Error creating: ${err.message}`)] } });
 */
export interface OnRejected {
  /** The Warnings upstream records (at least one: its count paces the back-off). */
  readonly events: (err: RejectedWrite) => readonly [EventNote, ...EventNote[]];
  /** The note in Outcome.events that reports this write's success; the Warnings take its place. */
  readonly replaces?: EventNote;
  /**
   * Later writes of the Outcome in the same batch are skipped (their `replaces` notes dropped):
   * upstream stops at the first error (slowStartBatch, the StatefulSet's claims-then-pod).
   */
  readonly batch?: string;
  /**
   * A write to make once the Outcome's writes are done, built from the store as they left it:
   * upstream's sync reports the error in the status it writes (the ReplicaSet's ReplicaFailure
   * condition), which a controller here learns only after its writes were tried.
   */
  readonly followUp?: (err: RejectedWrite, view: ClusterView) => Write | undefined;
}

/**
 * The write a sync makes once its create was tried, from the object the create stored (its
 * uid and resourceVersion), or undefined when nothing was created (rejected, AlreadyExists):
 * upstream's CronJob controller puts the Job it just created in status.active in the status
 * update that follows, and writes the status without it when the create failed.
 */
export type AfterCreate = (created: KubeObject | undefined) => Write | undefined;

/** A Kubernetes Event to record about an object (the recorder aggregates repeats). */
export interface EventNote {
  readonly regarding: KubeObject;
  readonly type: "Normal" | "Warning";
  readonly reason: string;
  readonly message: string;
  /** Source component, e.g. "replicaset-controller", "default-scheduler", "kubelet". */
  readonly source: string;
  /** For kubelet events: the node (the source host). */
  readonly host?: string;
  /** For container events: "spec.containers{nginx}". */
  readonly fieldPath?: string;
}

/** The kubelet's private per-pod record, kept in the state file beside the objects. */
export interface RuntimeWrite {
  readonly podUid: string;
  /** The new record; undefined removes it. Must be JSON-serialisable. */
  readonly record: unknown;
}

export interface Outcome {
  readonly writes: readonly Write[];
  readonly events: readonly EventNote[];
  /** "Time alone will change my answer": come back after this long. */
  readonly requeueAfter?: Duration;
  /** Kubelet only: runtime records to store. */
  readonly runtime?: readonly RuntimeWrite[];
}

export const NOTHING: Outcome = Object.freeze({ writes: [], events: [] });

/** Which changes mark which keys dirty (like controller-runtime's For/Owns/Watches). */
export interface Trigger {
  readonly kind: string;
  /**
   * Whether a change (an object created, replaced or removed) can concern this controller at
   * all, like controller-runtime's predicates; without one, every change of the kind does.
   */
  concerns?(before: KubeObject | undefined, after: KubeObject | undefined): boolean;
  /**
   * The keys of this controller's primary objects to reconcile when obj changed (before or
   * after). `key` is obj's own store key, which the engine has at hand (callers without it leave
   * it out, and a trigger that needs it makes it).
   */
  keysFor(obj: KubeObject, view: ClusterView, key?: ObjectKey): readonly ObjectKey[];
}

/**
 * A control loop. `reconcile` is pure: it never mutates the view, never reads the wall
 * clock, and returns the same Outcome for the same (view, key, now, rng state).
 * @example
 *   const out = replicaSetController.reconcile(view, "ReplicaSet/default/web-7d9", now, rng);
 */
export interface Controller {
  /** Order in manager.ts; also the default event source. */
  readonly name: string;
  /** The kind its keys name. */
  readonly primary: string;
  readonly wakeOn: readonly Trigger[];
  /**
   * Its status is derived from what it keeps: when a reconcile writes the key's own status, the
   * run that write would wake finds nothing to do, so the engine does not wake it for that
   * change (upstream's kubelet likewise does not sync a pod for a status-only update). The run's
   * other writes wake it through its triggers, as they would if someone else made them.
   */
  readonly derivedStatus?: boolean;
  reconcile(view: ClusterView, key: ObjectKey, now: Instant, rng: Rng): Outcome;
}

/** The trigger that wakes a controller for changes to its own primary objects. */
export function self(kind: string): Trigger {
  return { kind, keysFor: (obj, _view, key = objectKey(kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "")) => [key] };
}

/**
 * A bound pod wakes its node's key (node-keyed controllers: a pod may land on a tainted or
 * missing node) when its placement changed (placementChanged): not for the kubelet's status
 * writes, most of a pod's changes.
 */
export const podNodeTrigger: Trigger = {
  kind: "Pod",
  concerns: placementChanged,
  keysFor: (obj) => (obj.spec?.nodeName ? [objectKey("Node", "", obj.spec.nodeName)] : []),
};

/** The trigger that wakes the controlling owner (of kind ownerKind) of a changed object. */
export function owner(kind: string, ownerKind: string): Trigger {
  return {
    kind,
    // A loop, not filter + map: every change of the kind asks it.
    keysFor: (obj) => {
      const keys: ObjectKey[] = [];
      for (const r of obj.metadata.ownerReferences ?? []) if (r.controller && r.kind === ownerKind) keys.push(objectKey(ownerKind, obj.metadata.namespace ?? "", r.name));
      return keys;
    },
  };
}
