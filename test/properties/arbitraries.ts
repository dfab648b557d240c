// fast-check generators for kubectl command sequences and (possibly invalid) manifests over a
// small vocabulary: two Deployment names, a few images, small replica counts. Small on
// purpose: random commands only meet each other's objects when the names collide.
//
// Commands that name a generated object (a pod, a ReplicaSet) cannot know its random suffix
// in advance: they carry a placeholder "@pod:N" / "@rs:N", resolved against the state just
// before the command runs (the N-th existing one, modulo their count).

import fc from "fast-check";
import { stringify } from "yaml";
import type { KubeObject } from "../../src/api/types";

/** One command line, and the manifest file `apply -f` reads (written before it runs). */
export interface Step {
  readonly args: readonly string[];
  readonly manifest?: string;
}

export const NAMES = ["web", "api"] as const;
/** nginx tags that exist, one that does not (a stalled rollout), and busybox, which exits at once. */
export const IMAGES = ["nginx", "nginx:1.16.1", "nginx:1.161", "busybox"] as const;

const name = fc.constantFrom(...NAMES);
const image = fc.constantFrom(...IMAGES);
const replicas = fc.integer({ min: 0, max: 5 });
const placeholder = (kind: "pod" | "rs") => fc.nat(20).map((n) => `@${kind}:${n}`);
/** "key=value", or "key-" (remove it); pod-template-hash too, which moves a pod out of its ReplicaSet. */
const labelPair = fc.tuple(fc.constantFrom("tier", "app", "pod-template-hash", "x"), fc.constantFrom("a", "web", null)).map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`));
const cmd = (...parts: (string | fc.Arbitrary<string> | fc.Arbitrary<string[]>)[]) =>
  fc.tuple(...parts.map((p) => (typeof p === "string" ? fc.constant([p]) : p.map((v) => (Array.isArray(v) ? v : [v]))))).map((xs): Step => ({ args: xs.flat() }));
const optional = (...flags: string[]) => fc.subarray(flags, { maxLength: Math.min(2, flags.length) });

// ---- manifests ------------------------------------------------------------------------------

/** Usually the valid value; about one time in eleven one of the invalid ones. */
const mostly = <T>(valid: fc.Arbitrary<T>, ...invalid: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });

const containerPort = fc.option(mostly(fc.constantFrom(80, 8080), -1, "http"), { nil: undefined });
const containers = mostly(
  fc.tuple(image, containerPort).map(([i, port]) => [{ name: "c", image: i, ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}) }]),
  [],
  [{ name: "c" }],
  "nginx",
);
/** Sometimes a ServiceAccount that exists only once `create serviceaccount robot` ran: pods are refused until then. */
const serviceAccountName = fc.constantFrom("default", "robot");

/** A pod template's spec; a ReplicaSet's or Deployment's must say restartPolicy Always. */
const podSpec = (restartPolicy: fc.Arbitrary<string>) =>
  fc.record({ containers, restartPolicy: mostly(restartPolicy, "Sometimes", "Never"), serviceAccountName }, { requiredKeys: ["containers", "restartPolicy"] });

const labelValue = mostly(fc.constantFrom("web", "api", "a"), "Not Valid!");
const labels = fc.dictionary(fc.constantFrom("app", "tier", "x"), labelValue, { minKeys: 1, maxKeys: 2 });
const metaName = mostly(fc.constantFrom("web", "api", "cfg", "db"), "Bad_Name", "");
const intOrPercent = mostly(fc.constantFrom(0, 1, 2, "25%", "50%", "100%"), -1, "abc", "0%");
/** Sometimes a reference to an owner that does not exist: the garbage collector must clean up. */
const ownerReferences = fc.option(
  fc.constantFrom("Deployment", "ReplicaSet").map((kind) => [{ apiVersion: "apps/v1", kind, name: "gone", uid: "00000000-0000-0000-0000-000000000000" }]),
  { nil: undefined, freq: 8 },
);

const meta = fc.record({ name: metaName, labels: fc.option(labels, { nil: undefined }), ownerReferences }, { requiredKeys: ["name"] });

/** Deployments, ReplicaSets and StatefulSets share a workload shape; the selector may not match. */
const workload = (kind: string) =>
  fc
    .record({
      metadata: meta,
      replicas: fc.option(mostly(fc.integer({ min: 0, max: 4 }), -1, "three"), { nil: undefined }),
      // Usually the selector is the template's labels, as a real manifest's is.
      selector: mostly(fc.constant("same"), "other", "none"),
      templateLabels: labels,
      spec: podSpec(fc.constant("Always")),
      strategy: fc.option(fc.record({ maxSurge: intOrPercent, maxUnavailable: intOrPercent }), { nil: undefined }),
    })
    .map(({ metadata, replicas, selector, templateLabels, spec, strategy }) => ({
      apiVersion: "apps/v1",
      kind,
      metadata,
      spec: {
        ...(replicas !== undefined ? { replicas } : {}),
        ...(selector === "none" ? {} : { selector: { matchLabels: selector === "same" ? templateLabels : { app: "other" } } }),
        ...(kind === "StatefulSet" ? { serviceName: metadata.name } : {}),
        ...(kind === "Deployment" && strategy ? { strategy: { type: "RollingUpdate", rollingUpdate: strategy } } : {}),
        template: { metadata: { labels: templateLabels }, spec },
      },
    }));

const pod = fc
  .record({ metadata: meta, spec: podSpec(fc.constantFrom("Always", "Never", "OnFailure")) })
  .map((p) => ({ apiVersion: "v1", kind: "Pod", ...p }));
const service = fc
  .record({ metadata: meta, selector: labels, port: mostly(fc.constantFrom(80, 8080), 0, 70000, "http"), type: mostly(fc.constantFrom("ClusterIP", "NodePort"), "Bogus") })
  .map(({ metadata, selector, port, type }) => ({ apiVersion: "v1", kind: "Service", metadata, spec: { type, selector, ports: [{ port }] } }));
const configMap = fc
  .record({ metadata: meta, data: fc.dictionary(fc.constantFrom("a", "b.txt", "c", "bad key"), mostly(fc.string({ maxLength: 5 }), 3)) })
  .map(({ metadata, data }) => ({ apiVersion: "v1", kind: "ConfigMap", metadata, data }));

/** A Job's spec: small counts (sometimes negative), a pod that succeeds, fails or runs on. */
const jobSpec = fc
  .record({
    completions: fc.option(mostly(fc.integer({ min: 0, max: 3 }), -1), { nil: undefined }),
    parallelism: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    backoffLimit: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    completionMode: fc.option(fc.constantFrom("NonIndexed", "Indexed"), { nil: undefined }),
    ttlSecondsAfterFinished: fc.option(fc.constantFrom(0, 30), { nil: undefined }),
    restartPolicy: mostly(fc.constantFrom("Never", "OnFailure"), "Always"),
    script: fc.constantFrom("exit 0", "exit 1", "sleep 20"),
  })
  .map(({ restartPolicy, script, ...counts }) => ({
    ...Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== undefined)),
    template: { spec: { restartPolicy, containers: [{ name: "c", image: "busybox", command: ["sh", "-c", script] }] } },
  }));
const job = fc.record({ metadata: meta, spec: jobSpec }).map((j) => ({ apiVersion: "batch/v1", kind: "Job", ...j }));
const cronJob = fc
  .record({
    metadata: meta,
    schedule: mostly(fc.constantFrom("* * * * *", "*/2 * * * *", "@hourly"), "61 * * * *"),
    concurrencyPolicy: fc.constantFrom("Allow", "Forbid", "Replace"),
    jobSpec,
  })
  .map(({ metadata, schedule, concurrencyPolicy, jobSpec: spec }) => ({
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata,
    spec: { schedule, concurrencyPolicy, successfulJobsHistoryLimit: 1, jobTemplate: { spec } },
  }));

/** One manifest object, usually valid, in any of the eight kinds. */
export const manifestObject = fc.oneof(workload("Deployment"), workload("ReplicaSet"), workload("StatefulSet"), pod, service, configMap, job, cronJob);

/** The text `apply -f` reads: one or two YAML documents, or something that is not a manifest. */
export const manifestText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(manifestObject, { minLength: 1, maxLength: 2 }).map((objs) => objs.map((o) => stringify(o)).join("---\n")) },
  { weight: 1, arbitrary: fc.constantFrom("", "kind: Pod\n", "apiVersion: v1\nkind: Nope\nmetadata:\n  name: x\n", "{", "- a\n- b\n", "apiVersion: v1\nkind: Pod\nmetadata: 3\n") },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

// ---- commands -------------------------------------------------------------------------------

/** A duration for `sim advance`: mostly short, sometimes past a grace period or a back-off. */
export const duration = fc.constantFrom("1s", "3s", "5s", "10s", "31s", "2m");

const deploymentRef = name.map((n) => `deployment/${n}`);
const createDeployment = fc.tuple(name, image, replicas).map(([n, i, r]): Step => ({ args: ["create", "deployment", n, `--image=${i}`, `--replicas=${r}`] }));

/** Commands that change the cluster or read it; every one of them kubectl knows. */
export const commandStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: createDeployment },
  { weight: 2, arbitrary: cmd("scale", deploymentRef, replicas.map((r) => `--replicas=${r}`)) },
  { weight: 2, arbitrary: cmd("set", "image", deploymentRef, image.map((i) => `*=${i}`)) },
  { weight: 2, arbitrary: cmd("rollout", fc.constantFrom("undo", "restart", "pause", "resume"), deploymentRef) },
  { weight: 2, arbitrary: cmd("delete", "pod", placeholder("pod"), optional("--wait=false", "--grace-period=0", "--cascade=orphan")) },
  { weight: 1, arbitrary: cmd("delete", "deployment", name, optional("--wait=false", "--cascade=orphan", "--cascade=foreground")) },
  { weight: 1, arbitrary: cmd("delete", "rs", placeholder("rs"), optional("--wait=false", "--cascade=orphan", "--cascade=foreground")) },
  { weight: 1, arbitrary: cmd("label", fc.oneof(placeholder("pod").map((p) => `pod/${p}`), deploymentRef), labelPair, optional("--overwrite")) },
  { weight: 1, arbitrary: cmd("annotate", fc.oneof(placeholder("pod").map((p) => `pod/${p}`), deploymentRef), labelPair, optional("--overwrite")) },
  { weight: 1, arbitrary: fc.constant<Step>({ args: ["create", "serviceaccount", "robot"] }) },
  { weight: 1, arbitrary: cmd("expose", deploymentRef, fc.constantFrom("--port=80", "--port=0", "--port=80 --target-port=8080").map((s) => s.split(" "))) },
  { weight: 4, arbitrary: cmd("sim", "advance", duration) },
  { weight: 1, arbitrary: cmd("sim", "kill", placeholder("pod").map((p) => `pod/${p}`)) },
  { weight: 1, arbitrary: cmd("get", fc.constantFrom("pods", "deploy,rs", "all", "svc"), optional("-o=wide", "--show-labels")) },
  { weight: 1, arbitrary: cmd("describe", fc.oneof(deploymentRef, placeholder("pod").map((p) => `pod/${p}`), placeholder("rs").map((r) => `rs/${r}`))) },
  { weight: 3, arbitrary: manifestText.map((m): Step => ({ args: ["apply", "-f", "@manifest"], manifest: m })) },
  { weight: 1, arbitrary: cmd("create", "cronjob", name, "--image=busybox", fc.constantFrom("--schedule=* * * * *", "--schedule=*/2 * * * *")) },
  { weight: 1, arbitrary: cmd("create", "job", fc.constantFrom("once", "again"), name.map((n) => `--from=cronjob/${n}`)) },
  { weight: 1, arbitrary: cmd("delete", fc.constantFrom("job", "cronjob"), fc.constantFrom("web", "api", "once"), optional("--wait=false", "--cascade=orphan", "--cascade=foreground")) },
);


/** A sequence that starts with a Deployment and some time, so later commands find pods to act on. */
export const commandSequence = (maxLength: number): fc.Arbitrary<Step[]> =>
  fc
    .tuple(createDeployment, duration, fc.array(commandStep, { minLength: 1, maxLength }))
    .map(([create, d, rest]) => [create, { args: ["sim", "advance", d] }, ...rest]);

/** Replaces "@pod:N" / "@rs:N" with the N-th pod or ReplicaSet in the default namespace. */
export function resolveStep(step: Step, objects: readonly KubeObject[], manifestPath: string): string[] {
  const names = (kind: string) => objects.filter((o) => o.kind === kind && o.metadata.namespace === "default").map((o) => o.metadata.name ?? "").sort();
  const pick = (list: string[], n: number) => (list.length === 0 ? "nope" : list[n % list.length]);
  return step.args.map((a) =>
    a === "@manifest"
      ? manifestPath
      : a.replace(/@(pod|rs):(\d+)/, (_, kind: string, n: string) => pick(names(kind === "pod" ? "Pod" : "ReplicaSet"), Number(n))),
  );
}
