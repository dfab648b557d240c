// How a pod's runtime record is saved: without what the kubelet computed from the pod and its
// image, which is most of it (a running nginx pod: 4.5 KB → under 500 bytes). The short form
// begins with `"@pod": {name, ns[, sa][, hostname]}`, the marker that tells it from a full
// record; the container parts it leaves out are listed in record-container-encoding.ts, a
// projected service-account volume (token, ca.crt, namespace) becomes "@serviceaccount", and
// a sandbox that took the usual second to come up becomes "<ip> <createdAt>".
// As with Events (api/store/event-encoding.ts), a record is saved short only when expanding the
// short form gives it back byte for byte, so no output can change; anything else (an edited
// token, a node's record, a file written before this form existed) is saved and read in full.

import { ROOT_CA_CRT } from "../controllers/serviceaccount";
import { DEFAULT_MODE } from "../runtime/fs/volumes/payload";
import { payloadToTree } from "../runtime/fs/volumes/payload";
import { fakeServiceAccountToken } from "../runtime/fs/volumes/sources";
import type { TreeData } from "../runtime/fs/tree";
import type { PodIdentity } from "./record-container-encoding";
import { expandContainer, isJson, shortContainer } from "./record-container-encoding";
import { sameJson } from "../api/same-json";
import { SHORT_RECORD_MARK as MARK, isShortRecord } from "./record-marker";
import { SERVICE_ACCOUNT as SERVICE_ACCOUNT_VOLUME } from "./record-fs-encoding";

export { isShortRecord } from "./record-marker";

type Json = Record<string, any>;

/**
 * How long the saved form takes a sandbox to come up: sync-pod.ts's SANDBOX_CREATION_MS when
 * this form was made. A format constant, so that a file keeps its meaning if the kubelet's changes.
 */
const SAVED_SANDBOX_MS = 1000;

/**
 * The short form of the runtime record `id` (a pod uid), or undefined when there is none or it
 * would not expand back exactly.
 * @example shortRecord(uid, nginxRecord) // { "@pod": { name: "web", ns: "default" }, sandbox: "10.244.1.2 1735689600000", containers: [{ name: "nginx", "@id": "f8d9…", fs: "@etc", env: { "@image": "nginx", … }, logs: ["@startup"] }], volumes: { "kube-api-access-x7k2p": "@serviceaccount" } }
 */
export function shortRecord(id: string, record: unknown): Json | undefined {
  if (!isJson(record) || !Array.isArray(record.containers) || !isJson(record.sandbox) || MARK in record) return undefined;
  // Cheap tests first; only a record they get wrong pays for checking each part.
  for (const careful of [false, true]) {
    const pod = identityOf(record, careful);
    if (!pod) continue;
    const short = shorten(id, record, pod, careful);
    if (sameJson(expandRecord(id, short), record)) return leavesOutSomething(short) ? short : undefined;
  }
  return undefined;
}

/** Whether a short form leaves out more than "@pod" adds (else it would only be longer than the record). */
function leavesOutSomething(short: Json): boolean {
  if (typeof short.sandbox === "string") return true;
  for (const name in short.volumes ?? {}) if (short.volumes[name] === SERVICE_ACCOUNT_VOLUME) return true;
  return JSON.stringify(short.containers).includes('"@');
}

function shorten(id: string, record: Json, pod: PodIdentity, careful: boolean): Json {
  const short: Json = { [MARK]: savedIdentity(pod) };
  const volumes = isJson(record.volumes) ? shortVolumes(id, record.volumes, pod, careful) : undefined;
  const token = volumes && tokenVolumeOf(volumes);
  for (const field in record) {
    const value = record[field];
    if (field === "sandbox") short.sandbox = shortSandbox(value);
    else if (field === "containers") short.containers = value.map((c: unknown) => (isJson(c) ? shortContainer(c, pod, careful, token) : c));
    else if (field === "volumes" && volumes) short.volumes = volumes;
    else short[field] = value;
  }
  return short;
}

/** The record a saved one stands for: a short form expanded, a full one as it is. */
export function expandRecord(id: string, saved: unknown): unknown {
  if (!isShortRecord(saved)) return saved;
  const sandbox = expandSandbox(saved.sandbox);
  const pod = podIdentity(saved[MARK], sandbox?.ip);
  const token = isJson(saved.volumes) ? tokenVolumeOf(saved.volumes) : undefined;
  const record: Json = {};
  for (const field in saved) {
    const value = saved[field];
    if (field === MARK) continue;
    if (field === "sandbox") record.sandbox = sandbox;
    else if (field === "containers" && Array.isArray(value)) record.containers = value.map((c) => (isJson(c) ? expandContainer(c, pod, token) : c));
    else if (field === "volumes" && isJson(value)) record.volumes = expandVolumes(id, value, pod);
    else record[field] = value;
  }
  return record;
}

/** The sandbox as "<ip> <createdAt>" when it came up SAVED_SANDBOX_MS after it was created. */
function shortSandbox(sandbox: Json): unknown {
  const { ip, createdAt, readyAt } = sandbox;
  if (typeof ip !== "string" || ip === "" || ip.includes(" ") || !Number.isSafeInteger(createdAt) || readyAt !== createdAt + SAVED_SANDBOX_MS) return sandbox;
  let fields = 0;
  for (const _ in sandbox) fields++;
  return fields === 3 ? `${ip} ${createdAt}` : sandbox;
}

function expandSandbox(saved: unknown): Json | undefined {
  if (typeof saved !== "string") return saved as Json | undefined;
  const space = saved.indexOf(" ");
  const createdAt = Number(saved.slice(space + 1));
  return { ip: saved.slice(0, space), createdAt, readyAt: createdAt + SAVED_SANDBOX_MS };
}

/** The volume saved as "@serviceaccount", whose mounts the containers leave out. */
function tokenVolumeOf(volumes: Json): string | undefined {
  for (const name in volumes) if (volumes[name] === SERVICE_ACCOUNT_VOLUME) return name;
  return undefined;
}

/**
 * Who the pod is, read from the record itself: the containers' HOSTNAME, /etc/hostname and
 * resolv.conf search path, and (`careful`, or when those do not say) the service-account
 * token's claims; the cheap guess takes the service account to be "default".
 */
function identityOf(record: Json, careful: boolean): PodIdentity | undefined {
  let name: string | undefined;
  let namespace: string | undefined;
  let serviceAccount: string | undefined;
  let hostname: string | undefined;
  for (const c of record.containers) {
    if (typeof c?.env?.HOSTNAME === "string") name ??= c.env.HOSTNAME;
    const files = c?.fs?.image?.files;
    if (!isJson(files)) continue;
    if (typeof files["etc/hostname"] === "string") hostname ??= files["etc/hostname"].replace(/\n$/, "");
    namespace ??= /^search (\S+)\.svc\./.exec(String(files["etc/resolv.conf"] ?? ""))?.[1];
  }
  for (const volume of careful || name === undefined || namespace === undefined ? Object.values(record.volumes ?? {}) : []) {
    const claims = tokenClaims((volume as Json)?.files?.token);
    if (!claims) continue;
    name ??= claims.pod?.name;
    namespace ??= claims.namespace;
    serviceAccount ??= claims.serviceaccount?.name;
  }
  name ??= hostname;
  if (typeof name !== "string" || typeof namespace !== "string" || typeof record.sandbox.ip !== "string") return undefined;
  return { name, namespace, serviceAccount: serviceAccount ?? "default", hostname: hostname ?? name, ip: record.sandbox.ip };
}

/** The "kubernetes.io" claims of a token, if it is a JWT whose claims say them. */
function tokenClaims(token: unknown): Json | undefined {
  if (typeof token !== "string") return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    return isJson(claims?.["kubernetes.io"]) ? claims["kubernetes.io"] : undefined;
  } catch {
    return undefined;
  }
}

/** The identity as saved: the defaults (service account "default", hostname = name) left out. */
function savedIdentity(pod: PodIdentity): Json {
  const saved: Json = { name: pod.name, ns: pod.namespace };
  if (pod.serviceAccount !== "default") saved.sa = pod.serviceAccount;
  if (pod.hostname !== pod.name) saved.hostname = pod.hostname;
  return saved;
}

function podIdentity(saved: Json, ip: string | undefined): PodIdentity {
  return { name: saved.name, namespace: saved.ns, serviceAccount: saved.sa ?? "default", hostname: saved.hostname ?? saved.name, ip: ip as string };
}

/** The kube-api-access volume as projected (project-volume.ts): token, ca.crt, namespace, mode 0644. */
function serviceAccountVolume(uid: string, pod: PodIdentity): TreeData {
  const token = fakeServiceAccountToken({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: pod.name, namespace: pod.namespace, uid },
    spec: { serviceAccountName: pod.serviceAccount },
  });
  return payloadToTree({
    token: { data: token, mode: DEFAULT_MODE },
    "ca.crt": { data: ROOT_CA_CRT, mode: DEFAULT_MODE },
    namespace: { data: pod.namespace, mode: DEFAULT_MODE },
  });
}

function shortVolumes(uid: string, volumes: Json, pod: PodIdentity, careful: boolean): Json {
  const out: Json = {};
  let derived: string | undefined;
  for (const [name, tree] of Object.entries(volumes)) {
    const files = isJson(tree) ? tree.files : undefined;
    const looksDerived = isJson(files) && typeof files.token === "string" && files["ca.crt"] === ROOT_CA_CRT && files.namespace === pod.namespace;
    if (looksDerived && careful) derived ??= JSON.stringify(serviceAccountVolume(uid, pod));
    out[name] = looksDerived && (!careful || JSON.stringify(tree) === derived) ? SERVICE_ACCOUNT_VOLUME : tree;
  }
  return out;
}

function expandVolumes(uid: string, volumes: Json, pod: PodIdentity): Json {
  const out: Json = {};
  for (const [name, tree] of Object.entries(volumes)) out[name] = tree === SERVICE_ACCOUNT_VOLUME ? serviceAccountVolume(uid, pod) : tree;
  return out;
}
