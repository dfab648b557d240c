// The objects `kubectl create job` and `kubectl create cronjob` build, as createJob,
// createJobFromCronJob (create_job.go) and createCronJob (create_cronjob.go) build them, in Go
// field order so that --dry-run=client -o json matches.

import type { KubeObject } from "../../api/types";
import { typedJobSpec } from "./go-typed-job-spec";
import { goMap } from "./go-typed";

export interface JobParams {
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[];
  /** Set only when -n was given (kubectl's EnforceNamespace). */
  readonly namespace?: string;
}

export interface CronJobParams extends JobParams {
  readonly schedule: string;
  /** The pod template's restartPolicy; kubectl sends it unchecked ("OnFailure" when not given). */
  readonly restart: string;
}

const NULL_TIMESTAMP = null as unknown as string;

export function buildJob(p: JobParams): KubeObject {
  return {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata: objectMeta(p),
    spec: { template: podTemplate(p, "Never") },
    status: {},
  };
}

export function buildCronJob(p: CronJobParams): KubeObject {
  return {
    kind: "CronJob",
    apiVersion: "batch/v1",
    metadata: objectMeta(p),
    spec: {
      schedule: p.schedule,
      jobTemplate: { metadata: { ...(p.name ? { name: p.name } : {}), creationTimestamp: null }, spec: { template: podTemplate(p, p.restart) } },
    },
    status: {},
  };
}

/**
 * A Job run by hand from a CronJob: its jobTemplate's spec, labels and annotations, marked
 * `cronjob.kubernetes.io/instantiate: manual` and controlled by the CronJob. No
 * blockOwnerDeletion: kubectl leaves it unset, so that no cronjobs/finalizers permission is needed.
 */
export function createJobFromCronJob(cronJob: KubeObject, name: string, namespace?: string): KubeObject {
  const template = cronJob.spec?.jobTemplate ?? {};
  const annotations = goMap<string>({ "cronjob.kubernetes.io/instantiate": "manual", ...template.metadata?.annotations });
  const labels = goMap<string>(template.metadata?.labels ?? {});
  return {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata: {
      ...(name ? { name } : {}),
      ...(namespace ? { namespace } : {}),
      creationTimestamp: NULL_TIMESTAMP,
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      annotations,
      ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: cronJob.metadata.name ?? "", uid: cronJob.metadata.uid ?? "", controller: true }],
    },
    spec: typedJobSpec(template.spec),
    status: {},
  };
}

function objectMeta(p: JobParams): KubeObject["metadata"] {
  // ObjectMeta's fields are omitempty: `create job ""` sends no name (the container's is kept).
  return { ...(p.name ? { name: p.name } : {}), ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: NULL_TIMESTAMP };
}

function podTemplate(p: JobParams, restartPolicy: string): Record<string, unknown> {
  const container = { name: p.name, ...(p.image ? { image: p.image } : {}), ...(p.command.length > 0 ? { command: [...p.command] } : {}), resources: {} };
  return { metadata: { creationTimestamp: null }, spec: { containers: [container], ...(restartPolicy ? { restartPolicy } : {}) } };
}
