// How a pod's runtime record is saved: without what the kubelet computed from the pod and its
// image, which is most of it (a running nginx pod: 4.5 KB → under 700 bytes). The short form
// begins with `"@pod": {name, ns[, sa][, hostname]}`, the marker that tells it from a full
// record; the container parts it leaves out are listed in record-container-encoding.ts, and a
// projected service-account volume (token, ca.crt, namespace) becomes "@serviceaccount".
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

export { isShortRecord } from "./record-marker";

type Json = Record<string, any>;

const SERVICE_ACCOUNT_VOLUME = "@serviceaccount";

/**
 * The short form of the runtime record `id` (a pod uid), or undefined when there is none or it
 * would not expand back exactly.
 * @example shortRecord(uid, nginxRecord) // { "@pod": { name: "web", ns: "default" }, sandbox: …, containers: [{ …, env: { "@image": "nginx", … }, logs: ["@startup"] }], volumes: { "kube-api-access-x7k2p": "@serviceaccount" } }
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

/** Whether a short form has a marker besides "@pod" (else it would only be longer than the record). */
function leavesOutSomething(short: Json): boolean {
  const text = JSON.stringify(short);
  return text.indexOf('"@', MARK.length + 3) >= 0;
}

function shorten(id: string, record: Json, pod: PodIdentity, careful: boolean): Json {
  const short: Json = { [MARK]: savedIdentity(pod) };
  for (const [field, value] of Object.entries(record)) {
    if (field === "containers") short.containers = value.map((c: unknown) => (isJson(c) ? shortContainer(c, pod, careful) : c));
    else if (field === "volumes" && isJson(value)) short.volumes = shortVolumes(id, value, pod, careful);
    else short[field] = value;
  }
  return short;
}

/** The record a saved one stands for: a short form expanded, a full one as it is. */
export function expandRecord(id: string, saved: unknown): unknown {
  if (!isShortRecord(saved)) return saved;
  const { [MARK]: identity, ...rest } = saved;
  const pod = podIdentity(identity, rest.sandbox?.ip);
  const record: Json = {};
  for (const [field, value] of Object.entries(rest)) {
    if (field === "containers" && Array.isArray(value)) record.containers = value.map((c) => (isJson(c) ? expandContainer(c, pod) : c));
    else if (field === "volumes" && isJson(value)) record.volumes = expandVolumes(id, value, pod);
    else record[field] = value;
  }
  return record;
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
  return {
    name: pod.name,
    ns: pod.namespace,
    ...(pod.serviceAccount !== "default" && { sa: pod.serviceAccount }),
    ...(pod.hostname !== pod.name && { hostname: pod.hostname }),
  };
}

function podIdentity(saved: Json, ip: string): PodIdentity {
  return { name: saved.name, namespace: saved.ns, serviceAccount: saved.sa ?? "default", hostname: saved.hostname ?? saved.name, ip };
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
