// Fluent builders for the objects controller tests need, already "stored": uid, resourceVersion,
// creationTimestamp and generation are set as the API server would have set them.
//   pod("web-1").labels({ app: "web" }).ownedBy(rs).on("kubesim-worker").ready(at("5s")).build()

import type { Condition, KubeObject, OwnerReference } from "../../src/api/types";
import type { Instant } from "../../src/sim/time";
import { Store } from "../../src/api/store/store";
import { viewOf } from "../../src/api/store/view";
import type { ClusterView } from "../../src/api/store/view";
import { computeHash } from "../../src/controllers/shared/pod-template-hash";
import { T0, rfc } from "./time";
import { deepFreeze } from "../../src/api/deep-freeze";

export const uidOf = (kind: string, name: string) => `uid-${kind.toLowerCase()}-${name}`;

abstract class Builder<B> {
  protected obj: KubeObject;
  constructor(apiVersion: string, kind: string, name: string, generation?: number) {
    this.obj = {
      apiVersion,
      kind,
      metadata: { name, namespace: "default", uid: uidOf(kind, name), resourceVersion: "1", creationTimestamp: rfc(T0) },
    };
    if (generation !== undefined) this.obj.metadata.generation = generation;
  }
  protected self(): B {
    return this as unknown as B;
  }
  ns(namespace: string): B {
    this.obj.metadata.namespace = namespace;
    return this.self();
  }
  uid(uid: string): B {
    this.obj.metadata.uid = uid;
    return this.self();
  }
  created(t: Instant): B {
    this.obj.metadata.creationTimestamp = rfc(t);
    return this.self();
  }
  labels(labels: Record<string, string>): B {
    this.obj.metadata.labels = { ...labels };
    return this.self();
  }
  annotations(a: Record<string, string>): B {
    this.obj.metadata.annotations = { ...(this.obj.metadata.annotations ?? {}), ...a };
    return this.self();
  }
  /** A controller reference (controller: true, blockOwnerDeletion: true) to owner. */
  ownedBy(owner: KubeObject | Builder<unknown>, controller = true): B {
    const o = owner instanceof Builder ? owner.build() : owner;
    const ref: OwnerReference = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid! };
    if (controller) Object.assign(ref, { controller: true, blockOwnerDeletion: true });
    this.obj.metadata.ownerReferences = [...(this.obj.metadata.ownerReferences ?? []), ref];
    return this.self();
  }
  /** Any owner reference, e.g. to an owner that no longer exists. */
  ownerRef(ref: OwnerReference): B {
    this.obj.metadata.ownerReferences = [...(this.obj.metadata.ownerReferences ?? []), ref];
    return this.self();
  }
  deleting(t: Instant, finalizers: string[] = []): B {
    this.obj.metadata.deletionTimestamp = rfc(t);
    if (finalizers.length > 0) this.obj.metadata.finalizers = finalizers;
    return this.self();
  }
  generation(n: number): B {
    this.obj.metadata.generation = n;
    return this.self();
  }
  status(fields: Record<string, unknown>): B {
    this.obj.status = { ...(this.obj.status ?? {}), ...fields };
    return this.self();
  }
  build(): KubeObject {
    return structuredClone(this.obj);
  }
}

export class PodBuilder extends Builder<PodBuilder> {
  constructor(name: string) {
    super("v1", "Pod", name);
    this.obj.spec = { containers: [{ name: "nginx", image: "nginx" }] };
    this.obj.status = { phase: "Pending" };
  }
  on(node: string): PodBuilder {
    this.obj.spec.nodeName = node;
    return this;
  }
  phase(phase: string): PodBuilder {
    this.obj.status.phase = phase;
    return this;
  }
  /** Running on a node (kubesim-worker unless bound already), Ready since t. */
  ready(t: Instant = T0): PodBuilder {
    if (!this.obj.spec.nodeName) this.obj.spec.nodeName = "kubesim-worker";
    this.obj.status.phase = "Running";
    this.obj.status.conditions = [{ type: "Ready", status: "True", lastTransitionTime: rfc(t) } satisfies Condition];
    return this;
  }
  running(): PodBuilder {
    if (!this.obj.spec.nodeName) this.obj.spec.nodeName = "kubesim-worker";
    this.obj.status.phase = "Running";
    this.obj.status.conditions = [{ type: "Ready", status: "False", lastTransitionTime: rfc(T0) } satisfies Condition];
    return this;
  }
  restarts(n: number): PodBuilder {
    this.obj.status.containerStatuses = [{ name: "nginx", restartCount: n }];
    return this;
  }
}

export interface TemplateShape {
  metadata: { labels: Record<string, string> };
  spec: { containers: { name: string; image: string }[] };
}

export function template(labels: Record<string, string>, image = "nginx:1.25"): TemplateShape {
  return { metadata: { labels: { ...labels } }, spec: { containers: [{ name: "nginx", image }] } };
}

export class ReplicaSetBuilder extends Builder<ReplicaSetBuilder> {
  constructor(name: string, apiVersion = "apps/v1", kind = "ReplicaSet") {
    super(apiVersion, kind, name, 1);
    this.obj.spec = { replicas: 1, selector: { matchLabels: { app: "web" } }, template: template({ app: "web" }) };
  }
  replicas(n: number): ReplicaSetBuilder {
    this.obj.spec.replicas = n;
    return this;
  }
  selector(matchLabels: Record<string, string>): ReplicaSetBuilder {
    this.obj.spec.selector = { matchLabels: { ...matchLabels } };
    this.obj.spec.template.metadata.labels = { ...matchLabels };
    return this;
  }
  templateLabels(labels: Record<string, string>): ReplicaSetBuilder {
    this.obj.spec.template.metadata.labels = { ...labels };
    return this;
  }
  minReady(seconds: number): ReplicaSetBuilder {
    this.obj.spec.minReadySeconds = seconds;
    return this;
  }
  /** Status as the ReplicaSet controller would report it (zeros omitted). */
  counts(replicas: number, available = replicas, ready = available): ReplicaSetBuilder {
    const s: Record<string, unknown> = { replicas, observedGeneration: this.obj.metadata.generation };
    if (replicas) s.fullyLabeledReplicas = replicas;
    if (ready) s.readyReplicas = ready;
    if (available) s.availableReplicas = available;
    this.obj.status = s;
    return this;
  }
}

export class ReplicationControllerBuilder extends ReplicaSetBuilder {
  constructor(name: string) {
    super(name, "v1", "ReplicationController");
    this.obj.spec.selector = { app: "web" };
  }
  override selector(map: Record<string, string>): ReplicaSetBuilder {
    this.obj.spec.selector = { ...map };
    this.obj.spec.template.metadata.labels = { ...map };
    return this;
  }
}

export class DeploymentBuilder extends Builder<DeploymentBuilder> {
  constructor(name: string) {
    super("apps/v1", "Deployment", name, 1);
    this.obj.metadata.labels = { app: name };
    this.obj.spec = {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: template({ app: name }),
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    };
  }
  replicas(n: number): DeploymentBuilder {
    this.obj.spec.replicas = n;
    return this;
  }
  image(image: string): DeploymentBuilder {
    this.obj.spec.template.spec.containers[0].image = image;
    return this;
  }
  rolling(maxSurge: number | string, maxUnavailable: number | string): DeploymentBuilder {
    this.obj.spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable } };
    return this;
  }
  recreate(): DeploymentBuilder {
    this.obj.spec.strategy = { type: "Recreate" };
    return this;
  }
  paused(): DeploymentBuilder {
    this.obj.spec.paused = true;
    return this;
  }
  minReady(seconds: number): DeploymentBuilder {
    this.obj.spec.minReadySeconds = seconds;
    return this;
  }
  historyLimit(n: number): DeploymentBuilder {
    this.obj.spec.revisionHistoryLimit = n;
    return this;
  }
  noProgressDeadline(): DeploymentBuilder {
    delete this.obj.spec.progressDeadlineSeconds;
    return this;
  }
  revision(n: number): DeploymentBuilder {
    return this.annotations({ "deployment.kubernetes.io/revision": String(n) });
  }
  /**
   * A ReplicaSet this Deployment made for its current template (or for `image`, an older one),
   * named <deploy>-<hash>, with revision and replica annotations.
   */
  rs(opts: { image?: string; replicas: number; available?: number; revision?: number; created?: Instant }): ReplicaSetBuilder {
    const d = this.build();
    const tpl = structuredClone(d.spec.template);
    if (opts.image) tpl.spec.containers[0].image = opts.image;
    const hash = computeHash(tpl, d.status?.collisionCount);
    const b = new ReplicaSetBuilder(`${d.metadata.name}-${hash}`);
    const labels = { ...tpl.metadata.labels, "pod-template-hash": hash };
    const o = (b as unknown as { obj: KubeObject }).obj;
    o.metadata.labels = { ...labels };
    o.spec.selector = { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": hash } };
    o.spec.template = { ...tpl, metadata: { ...tpl.metadata, labels } };
    if (d.spec.minReadySeconds) o.spec.minReadySeconds = d.spec.minReadySeconds;
    b.replicas(opts.replicas).ownedBy(d);
    const maxSurge = d.spec.strategy.type === "RollingUpdate" ? surgeOf(d) : 0;
    b.annotations({
      "deployment.kubernetes.io/desired-replicas": String(d.spec.replicas),
      "deployment.kubernetes.io/max-replicas": String(d.spec.replicas + maxSurge),
      "deployment.kubernetes.io/revision": String(opts.revision ?? 1),
    });
    if (opts.created !== undefined) b.created(opts.created);
    return b.counts(opts.replicas, opts.available ?? opts.replicas);
  }
}

function surgeOf(d: KubeObject): number {
  const v = d.spec.strategy.rollingUpdate?.maxSurge ?? "25%";
  const r = d.spec.replicas;
  return typeof v === "number" ? v : Math.ceil((Number.parseInt(v, 10) * r) / 100);
}

export const pod = (name: string) => new PodBuilder(name);
export const replicaSet = (name: string) => new ReplicaSetBuilder(name);
export const replicationController = (name: string) => new ReplicationControllerBuilder(name);
export const deployment = (name: string) => new DeploymentBuilder(name);

export type Buildable = KubeObject | { build(): KubeObject };

/** A real store holding the objects, and a deep-frozen view of it. */
export function viewWith(...items: Buildable[]): { store: Store; view: ClusterView } {
  const objects = items.map((i) => ("build" in i && typeof i.build === "function" ? i.build() : (i as KubeObject)));
  for (const o of objects) deepFreeze(o);
  const store = new Store(objects);
  return { store, view: viewOf(store, new Map()) };
}

