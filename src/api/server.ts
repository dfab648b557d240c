// The API server facade: every write — a user's or a controller's — goes
// validate → default → admit → store here, so both get the same checks, resourceVersions,
// generations and errors. Reads go straight to the store.

import { getPodQOS } from "./pod-qos";
import type { KubeObject, ObjectRef } from "./types";
import { keyOf, refOf } from "./types";
import type { Store } from "./store/store";
import type { Instant } from "../sim/time";
import { toRFC3339 } from "../sim/time";
import type { Rng } from "../sim/random";
import type { ResourceInfo } from "./registry";
import { infoForKind, pluralDotGroup } from "./registry";
import { alreadyExists, badRequest, conflict, invalid, notFound, requestEntityTooLarge, StatusError } from "./errors";
import { newUid } from "./uid";
import { admissionName } from "./admission/admission-name";
import { deepEqual } from "./deep-equal";
import { deepCopy } from "./deep-copy";

export type PropagationPolicy = "Background" | "Foreground" | "Orphan";
export type FieldValidation = "Strict" | "Warn" | "Ignore";

export interface WriteOptions {
  readonly dryRun?: boolean;
  /** kubectl --validate: strict (default) rejects unknown fields, warn reports them. */
  readonly fieldValidation?: FieldValidation;
  /** Collects server warnings (printed by the CLI as "Warning: …"). */
  readonly warnings?: string[];
  /**
   * The controller manager's own writes: built from stored objects, so decoding them again
   * would only cost time, and made for this write, so a status is stored as given.
   */
  readonly trusted?: boolean;
}

export interface DeleteOptions {
  readonly dryRun?: boolean;
  readonly propagationPolicy?: PropagationPolicy;
  /** undefined: the object's own grace period (pods: spec.terminationGracePeriodSeconds). */
  readonly gracePeriodSeconds?: number;
  /** --force with grace 0: remove at once, even a running pod. */
  readonly force?: boolean;
  /** Precondition: only delete the object with this uid. */
  readonly uid?: string;
}

export interface ListOptions {
  readonly labelSelector?: (labels: Record<string, string> | undefined) => boolean;
  readonly fieldSelector?: (obj: KubeObject) => boolean;
}

/** kube-apiserver's --max-request-bytes default (limitedReadBody in endpoints/handlers/rest.go). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

const FOREGROUND = "foregroundDeletion";
const ORPHAN = "orphan";

let pipeline: typeof import("./write-pipeline") | undefined;

/** Loads what writes need (write-pipeline.ts). Until then the server can only read. */
export async function loadWritePipeline(): Promise<void> {
  pipeline ??= await import("./write-pipeline");
}

function writes(): NonNullable<typeof pipeline> {
  if (!pipeline) throw new Error("internal: a write needs the write pipeline, which was not loaded");
  return pipeline;
}

export class ApiServer {
  readonly store: Store;
  private readonly clock: () => Instant;
  private readonly rng: Rng;

  constructor(store: Store, clock: () => Instant, rng: Rng) {
    this.store = store;
    this.clock = clock;
    this.rng = rng;
  }

  get now(): Instant {
    return this.clock();
  }

  info(kind: string): ResourceInfo {
    const info = infoForKind(kind);
    if (!info) throw badRequest(`no kind "${kind}" is registered`);
    return info;
  }

  tryGet(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.store.get(keyOf({ kind, namespace: this.info(kind).namespaced ? namespace : "", name }));
  }

  get(kind: string, namespace: string, name: string): KubeObject {
    const obj = this.tryGet(kind, namespace, name);
    if (!obj) throw notFound(pluralDotGroup(this.info(kind)), name);
    return obj;
  }

  list(kind: string, namespace?: string, opts: ListOptions = {}): KubeObject[] {
    const ns = this.info(kind).namespaced ? namespace : undefined;
    return this.store
      .list(kind, ns)
      .filter((o) => (!opts.labelSelector || opts.labelSelector(o.metadata.labels)) && (!opts.fieldSelector || opts.fieldSelector(o)));
  }

  /**
   * Creates obj; returns the stored object (or what would be stored, on dry run). A refused
   * create leaves the random sequence where it was (its generated name and uid are undone).
   */
  create(input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const drawn = this.rng.state();
    try {
      return this.createOrRefuse(input, opts);
    } catch (err) {
      this.rng.rewind(drawn);
      throw err;
    }
  }

  private createOrRefuse(input: KubeObject, opts: WriteOptions): KubeObject {
    const info = this.info(input.kind);
    let obj = this.decode(input, info, opts);
    if (info.namespaced && !obj.metadata.namespace) obj.metadata.namespace = "default";
    if (!info.namespaced) delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = obj.metadata.generateName + this.rng.suffix(5);
    }
    obj = writes().defaultInPlace(obj);
    // Admission before validation: upstream's create handler runs the mutating admission plugins
    // (NamespaceLifecycle and ServiceAccount among them) before the REST store validates.
    writes().admit(obj, info, this, this.rng, admissionName(input.metadata ?? {}, opts.trusted === true));
    const issues = writes().validateCreate(obj, info, opts.trusted);
    if (issues.length > 0) throw invalid(info.kind, info.group, obj.metadata.name ?? "", issues);
    if (this.store.get(keyOf(refOf(obj)))) throw alreadyExists(pluralDotGroup(info), obj.metadata.name!);
    // The pod strategy's PrepareForCreate: a new pod is Pending, with its QoS class.
    if (obj.kind === "Pod") obj.status = { phase: "Pending", qosClass: getPodQOS(obj) };
    // The Job and CronJob strategies' PrepareForCreate: their controllers fill the status in.
    if (obj.kind === "Job" || obj.kind === "CronJob") obj.status = {};
    if (obj.kind === "Service") {
      // The service strategy's PrepareForCreate: a new Service starts with an empty status.
      obj.status = { loadBalancer: {} };
      this.allocateService(obj, info);
    }
    const meta = obj.metadata;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    meta.uid = newUid(this.rng);
    // The Job strategy's PrepareForCreate: its selector names the uid just given.
    if (obj.kind === "Job") writes().generateJobSelector(obj);
    meta.creationTimestamp = toRFC3339(this.now);
    if (hasGeneration(info)) meta.generation = 1;
    if (opts.dryRun) return obj;
    meta.resourceVersion = this.store.nextResourceVersion();
    this.store.put(obj);
    return obj;
  }

  /**
   * Replaces spec and metadata of an existing object (status is kept from the stored one).
   * A resourceVersion in the input must match the stored one, or it is a Conflict.
   */
  update(input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const info = this.info(input.kind);
    const old = this.get(input.kind, input.metadata.namespace ?? "", input.metadata.name ?? "");
    this.checkVersion(old, input, info);
    if (opts.trusted && onlyMetadataDiffers(old, input)) return this.updateMetadata(old, input, opts);
    let obj = this.decode(input, info, opts);
    obj.metadata.namespace = old.metadata.namespace;
    if (!info.namespaced) delete obj.metadata.namespace;
    obj = writes().defaultInPlace(obj);
    if (obj.kind === "Service") writes().prepareServiceUpdate(old, obj);
    if ("status" in old) obj.status = old.status;
    else delete obj.status;
    this.keepSystemMeta(old, obj);
    const issues = writes().validateUpdate(old, obj, info, opts.trusted);
    if (issues.length > 0) throw invalid(info.kind, info.group, obj.metadata.name ?? "", issues);
    if (obj.kind === "Service") this.allocateService(obj, info);
    if (hasGeneration(info)) {
      obj.metadata.generation = (old.metadata.generation ?? 1) + (deepEqual(old.spec, obj.spec) ? 0 : 1);
    }
    return this.commit(old, obj, opts);
  }

  /**
   * A controller's write of metadata alone (finalizers, owner references, labels) on the very
   * spec it read: no spec to default or validate again, so only the system fields are kept.
   */
  private updateMetadata(old: KubeObject, input: KubeObject, opts: WriteOptions): KubeObject {
    const obj: KubeObject = { ...old, metadata: { ...input.metadata, namespace: old.metadata.namespace } };
    if (!this.info(old.kind).namespaced) delete obj.metadata.namespace;
    this.keepSystemMeta(old, obj);
    return this.commit(old, obj, opts);
  }

  /** Replaces the status of an existing object; everything else is kept. */
  updateStatus(input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const info = this.info(input.kind);
    const old = this.get(input.kind, input.metadata.namespace ?? "", input.metadata.name ?? "");
    this.checkVersion(old, input, info);
    // Stored objects are never mutated, so only what commit() stamps needs a copy of its own,
    // and the status a caller may still hold: not a controller's, built for this write.
    const status = opts.trusted ? input.status : deepCopy(input.status);
    const obj: KubeObject = { ...old, metadata: { ...old.metadata }, status };
    return this.commit(old, obj, opts);
  }

  /**
   * The pods/binding subresource: assigns an unbound pod to a node and marks it PodScheduled,
   * as registry/core/pod/storage's assignPod does. A bound pod cannot be bound again.
   */
  bind(ref: ObjectRef, nodeName: string, uid?: string): KubeObject {
    const old = this.get("Pod", ref.namespace, ref.name);
    if (uid && old.metadata.uid !== uid) throw conflict("pods", ref.name);
    if (old.spec?.nodeName) throw conflict("pods", ref.name);
    if (old.metadata.deletionTimestamp) throw conflict("pods", ref.name);
    const conditions = (old.status?.conditions ?? []).filter((c: { type: string }) => c.type !== "PodScheduled");
    conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: toRFC3339(this.now) });
    const obj: KubeObject = { ...old, metadata: { ...old.metadata }, spec: { ...old.spec, nodeName }, status: { ...old.status, conditions } };
    return this.commit(old, obj, {});
  }

  /**
   * Deletes per Kubernetes' rules: objects with finalizers (or a foreground/orphan policy) get a
   * deletionTimestamp and wait for the garbage collector; bound pods get a grace period and
   * wait for their kubelet; everything else is removed at once. Returns the object as it was.
   */
  delete(ref: ObjectRef, opts: DeleteOptions = {}): KubeObject {
    const info = this.info(ref.kind);
    const old = this.get(ref.kind, ref.namespace, ref.name);
    if (opts.uid && old.metadata.uid !== opts.uid) throw conflict(pluralDotGroup(info), ref.name);
    if (opts.dryRun) return old;
    const policy = opts.propagationPolicy ?? "Background";
    const meta = old.metadata;
    const finalizers = [...(meta.finalizers ?? [])];
    if (policy === "Foreground" && !finalizers.includes(FOREGROUND)) finalizers.push(FOREGROUND);
    if (policy === "Orphan" && !finalizers.includes(ORPHAN)) finalizers.push(ORPHAN);
    const grace = this.gracePeriod(old, opts);
    if (finalizers.length === 0 && grace === 0 && !hasSpecFinalizers(old)) {
      this.store.remove(keyOf(refOf(old)));
      return old;
    }
    if (meta.deletionTimestamp) {
      // Already terminating: a shorter grace period still shortens it, as the API server allows.
      if (grace === 0 && finalizers.length === 0) this.store.remove(keyOf(refOf(old)));
      return old;
    }
    const obj = deepCopy(old);
    obj.metadata.finalizers = finalizers.length > 0 ? finalizers : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    obj.metadata.deletionTimestamp = toRFC3339((this.now + grace * 1000) as Instant);
    obj.metadata.deletionGracePeriodSeconds = grace;
    if (hasGeneration(info)) obj.metadata.generation = (meta.generation ?? 1) + 1;
    if (obj.kind === "Namespace") obj.status = { ...obj.status, phase: "Terminating" };
    return this.commit(old, obj, {});
  }

  /** Writes obj in place of old, unless nothing changed; removes objects whose deletion is complete. */
  private commit(old: KubeObject, obj: KubeObject, opts: WriteOptions): KubeObject {
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (unchanged(old, obj)) return old;
    if (opts.dryRun) return obj;
    const finished = (obj.metadata.finalizers ?? []).length === 0 && !hasSpecFinalizers(obj) && !this.waitsForKubelet(obj);
    if (obj.metadata.deletionTimestamp && finished) {
      this.store.remove(keyOf(refOf(obj)));
      return obj;
    }
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put(obj);
    return obj;
  }

  /** A bound pod in its grace period is removed by its kubelet, not by the API server. */
  private waitsForKubelet(obj: KubeObject): boolean {
    return obj.kind === "Pod" && Boolean(obj.spec?.nodeName) && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  }

  private gracePeriod(obj: KubeObject, opts: DeleteOptions): number {
    if (obj.kind !== "Pod") return 0;
    if (opts.force && opts.gracePeriodSeconds === 0) return 0;
    // An unscheduled pod has no kubelet to wait for, a finished one nothing left to stop: the
    // API server deletes them at once (the pod strategy's CheckGracefulDelete).
    if (!obj.spec?.nodeName) return 0;
    if (obj.status?.phase === "Succeeded" || obj.status?.phase === "Failed") return 0;
    if (opts.gracePeriodSeconds !== undefined) return Math.max(opts.gracePeriodSeconds, 1);
    return obj.spec?.terminationGracePeriodSeconds ?? 30;
  }

  /** Strict field validation, then a private deep copy to default and stamp. */
  private decode(input: KubeObject, info: ResourceInfo, opts: WriteOptions): KubeObject {
    const obj = deepCopy(input);
    obj.metadata = obj.metadata ?? {};
    if (opts.trusted) return obj;
    // The body kubectl sends is the object as compact JSON; Go escapes a few more characters, which this ignores.
    if (Buffer.byteLength(JSON.stringify(input)) > MAX_REQUEST_BODY_BYTES) throw requestEntityTooLarge(MAX_REQUEST_BODY_BYTES);
    const version = input.apiVersion.includes("/") ? input.apiVersion.split("/")[1] : input.apiVersion;
    const cannot = `${info.kind} in version "${version}" cannot be handled as a ${info.kind}`;
    const decode = writes().decodeErrors(input, info);
    if (decode.length > 0) throw badRequest(`${cannot}: ${decode[0]}`);
    const unknown = writes().unknownFields(input, info);
    if (unknown.length === 0) return obj;
    const mode = opts.fieldValidation ?? "Strict";
    if (mode === "Strict") {
      throw badRequest(`${cannot}: strict decoding error: ` + unknown.map((f) => `unknown field "${f}"`).join(", "));
    }
    // Warn and Ignore both decode as the server does, dropping what the schema does not know.
    if (mode === "Warn") for (const f of unknown) opts.warnings?.push(`unknown field "${f}"`);
    for (const f of unknown) dropField(obj, f);
    return obj;
  }


  /**
   * ClusterIP and node ports (allocators/): taken values are those of the other stored
   * Services, so a deleted Service's values are free again and a dry run commits nothing.
   */
  private allocateService(obj: KubeObject, info: ResourceInfo): void {
    const taken = writes().allocatedBy(this.store.list("Service"), obj);
    const issues = writes().allocateServiceValues(obj, taken, this.rng);
    if (issues.length > 0) throw invalid(info.kind, info.group, obj.metadata.name ?? "", issues);
  }

  private checkVersion(old: KubeObject, input: KubeObject, info: ResourceInfo): void {
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(pluralDotGroup(info), old.metadata.name!);
  }

  /** Fields the user cannot set on update: uid, creationTimestamp, deletion state, generation. */
  private keepSystemMeta(old: KubeObject, obj: KubeObject): void {
    const o = old.metadata;
    const m = obj.metadata;
    m.uid = o.uid;
    m.creationTimestamp = o.creationTimestamp;
    m.generation = o.generation;
    if (o.deletionTimestamp) {
      m.deletionTimestamp = o.deletionTimestamp;
      m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    for (const k of Object.keys(m)) if (m[k] === undefined) delete m[k];
  }
}

/**
 * Every field but metadata is the very value the writer read (spec, status, an Endpoints'
 * subsets, a ConfigMap's data): the write changes metadata alone.
 */
function onlyMetadataDiffers(old: KubeObject, input: KubeObject): boolean {
  const keys = Object.keys(input);
  if (keys.length !== Object.keys(old).length) return false;
  for (const k of keys) if (k !== "metadata" && (input as Record<string, unknown>)[k] !== (old as Record<string, unknown>)[k]) return false;
  return true;
}

/** Removes the field at a strict-decoding path such as `spec.template.spec.containers[0].x`. */
function dropField(obj: KubeObject, path: string): void {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let cur: any = obj;
  for (const p of parts.slice(0, -1)) {
    cur = cur?.[/^\d+$/.test(p) ? Number(p) : p];
    if (cur === undefined || cur === null) return;
  }
  if (cur && typeof cur === "object") delete cur[parts[parts.length - 1]];
}

/** A terminating Namespace waits for its namespace controller to empty it (spec.finalizers). */
function hasSpecFinalizers(obj: KubeObject): boolean {
  return obj.kind === "Namespace" && (obj.spec?.finalizers ?? []).length > 0;
}

/**
 * deepEqual(old, obj), the status compared first: most writes are a status write that changed
 * it, and the status tells them apart without walking the metadata before it.
 */
function unchanged(old: KubeObject, obj: KubeObject): boolean {
  if (obj.status !== old.status && !deepEqual(old.status, obj.status)) return false;
  return deepEqual(old, obj);
}

/** Kinds whose metadata.generation tracks spec changes (pods do not have one in v1.32). */
function hasGeneration(info: ResourceInfo): boolean {
  return !["Pod", "Event", "ConfigMap", "Secret", "Namespace", "Node", "ServiceAccount", "Endpoints", "Service", "PersistentVolumeClaim", "PersistentVolume", "StorageClass"].includes(info.kind);
}

export { StatusError };
