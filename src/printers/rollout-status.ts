// What `kubectl rollout status` says about one object, per kind: a message, whether the
// rollout is done, or an error that ends the watch. Port of
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (v1.32), whose
// Deployment viewer no longer appends pod warnings. Pure: the object in, the text out.

import type { KubeObject } from "../api/types";

export interface RolloutStatus {
  /** The line kubectl prints, without its newline ("" when there is an error). */
  readonly message: string;
  readonly done: boolean;
  /** The error text without the `error: ` prefix; the watch stops with exit 1. */
  readonly error?: string;
}

export type StatusViewer = (obj: KubeObject, revision: number) => RolloutStatus;

const REVISION = "deployment.kubernetes.io/revision";
const TIMED_OUT_REASON = "ProgressDeadlineExceeded";

const waiting = (message: string): RolloutStatus => ({ message, done: false });
const failed = (error: string, done = false): RolloutStatus => ({ message: "", done, error });

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: KubeObject, revision = 0): RolloutStatus {
  const name = JSON.stringify(d.metadata.name ?? "");
  const s = d.status ?? {};
  if (revision > 0) {
    const text = d.metadata.annotations?.[REVISION];
    // deploymentutil.Revision reads a missing annotation as revision 0.
    const running = text === undefined ? 0 : Number(text);
    if (!Number.isInteger(running)) return failed(`cannot get the revision of deployment ${name}: strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
    if (running !== revision) return failed(`desired revision (${revision}) is different from the running revision (${running})`);
  }
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return waiting("Waiting for deployment spec update to be observed...");
  const progressing = (s.conditions ?? []).find((c: { type?: string }) => c.type === "Progressing");
  if (progressing?.reason === TIMED_OUT_REASON) return failed(`deployment ${name} exceeded its progress deadline`);
  const replicas: number | undefined = d.spec?.replicas;
  const updated: number = s.updatedReplicas ?? 0;
  const total: number = s.replicas ?? 0;
  const available: number = s.availableReplicas ?? 0;
  const prefix = `Waiting for deployment ${name} rollout to finish: `;
  if (replicas !== undefined && updated < replicas) return waiting(`${prefix}${updated} out of ${replicas} new replicas have been updated...`);
  if (total > updated) return waiting(`${prefix}${total - updated} old replicas are pending termination...`);
  if (available < updated) return waiting(`${prefix}${available} of ${updated} updated replicas are available...`);
  return { message: `deployment ${name} successfully rolled out`, done: true };
}

/** DaemonSetStatusViewer.Status (the revision is ignored, as upstream does). */
export function daemonSetStatus(ds: KubeObject): RolloutStatus {
  if ((ds.spec?.updateStrategy?.type ?? "RollingUpdate") !== "RollingUpdate") return failed("rollout status is only available for RollingUpdate strategy type", true);
  const s = ds.status ?? {};
  const name = JSON.stringify(ds.metadata.name ?? "");
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return waiting("Waiting for daemon set spec update to be observed...");
  const desired: number = s.desiredNumberScheduled ?? 0;
  const updated: number = s.updatedNumberScheduled ?? 0;
  const available: number = s.numberAvailable ?? 0;
  if (updated < desired) return waiting(`Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  if (available < desired) return waiting(`Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`);
  return { message: `daemon set ${name} successfully rolled out`, done: true };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: KubeObject): RolloutStatus {
  const strategy = sts.spec?.updateStrategy ?? {};
  if ((strategy.type ?? "RollingUpdate") !== "RollingUpdate") return failed("rollout status is only available for RollingUpdate strategy type", true);
  const s = sts.status ?? {};
  const observed: number = s.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed) return waiting("Waiting for statefulset spec update to be observed...");
  const replicas: number | undefined = sts.spec?.replicas;
  const ready: number = s.readyReplicas ?? 0;
  const updated: number = s.updatedReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return waiting(`Waiting for ${replicas - ready} pods to be ready...`);
  if (strategy.rollingUpdate) {
    const partition: number | undefined = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return waiting(`Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`);
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return waiting(`waiting for statefulset rolling update to complete ${updated} pods at revision ${s.updateRevision ?? ""}...`);
  }
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ""}...`, done: true };
}

const VIEWERS: Readonly<Record<string, StatusViewer>> = {
  Deployment: deploymentStatus,
  DaemonSet: daemonSetStatus,
  StatefulSet: statefulSetStatus,
};

/** StatusViewerFor: undefined for kinds kubectl has no viewer for. */
export function statusViewerFor(kind: string): StatusViewer | undefined {
  return VIEWERS[kind];
}
