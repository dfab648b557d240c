// How a container's resolved environment is saved (record-encoding.ts): the runs of variables
// that are recomputed on load become one entry each. A container's env starts as its image's
// ENV then HOSTNAME (container-process.ts); that run is saved as `"@image": "<ref>"`, a catalog
// reference whose ENV it is. Each Service's link variables (HOST, PORT, named ports, the
// per-port links: service-env.ts) are saved as `"@service <name>": "<ip> <port>[/<PROTO>][:<port name>] …"`.
// Every other variable is kept as it is, in place. A run is replaced only when its expansion
// gives back the very same entries; the whole record is checked once more by the caller.

import { imageProcessFor } from "../runtime/images/behaviour";
import { IMAGE_CATALOG } from "../runtime/images/catalog";
import { serviceEnv } from "../runtime/env/service-env";

type Env = Readonly<Record<string, string>>;

const IMAGE_MARK = "@image";
const SERVICE_MARK = "@service ";

/** The saved form of `env`; `hostname` is the pod name (HOSTNAME), `image` one of imagesOfEnv. */
export function shortEnv(env: Env, hostname: string, image: string | undefined): Record<string, string> {
  const entries = Object.entries(env);
  const out: Record<string, string> = {};
  let i = 0;
  if (image !== undefined) {
    out[IMAGE_MARK] = image;
    i = Object.keys(imageEnvOf(image)).length + 1;
  }
  // The pods of a namespace see the same Services: a run of pods saved together shortens them once.
  if (!sameEntries(entries, i, lastRest.from)) lastRest = { from: entries.slice(i), rest: shortRest(entries, i) };
  const rest = lastRest.rest;
  for (const name in rest) out[name] = rest[name];
  return out;
}

/** The last variables shortRest was given and what it made of them (never mutated). */
let lastRest: { from: readonly (readonly [string, string])[]; rest: Readonly<Record<string, string>> } = { from: [], rest: {} };

/** Whether entries[i…] are `from`, name for name and value for value. */
function sameEntries(entries: readonly (readonly [string, string])[], i: number, from: readonly (readonly [string, string])[]): boolean {
  if (entries.length - i !== from.length) return false;
  for (let j = 0; j < from.length; j++) if (entries[i + j][0] !== from[j][0] || entries[i + j][1] !== from[j][1]) return false;
  return true;
}

/** The variables from entries[i] on, each Service's link variables as one entry. */
function shortRest(entries: readonly [string, string][], i: number): Record<string, string> {
  const out: Record<string, string> = {};
  while (i < entries.length) {
    const block = entries[i][0].endsWith("_SERVICE_HOST") ? serviceBlockAt(entries, i) : undefined;
    if (block) {
      out[SERVICE_MARK + block.name] = block.spec;
      i += block.length;
    } else {
      out[entries[i][0]] = entries[i][1];
      i++;
    }
  }
  return out;
}

/** The environment a saved form stands for. */
export function expandEnv(short: Env, hostname: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(short)) {
    if (key === IMAGE_MARK) Object.assign(env, imageEnvOf(value), { HOSTNAME: hostname });
    else if (key.startsWith(SERVICE_MARK)) Object.assign(env, serviceVars(key.slice(SERVICE_MARK.length), value));
    else env[key] = value;
  }
  return env;
}

/** The image reference a saved env names, if its image run was saved short. */
export const imageOfShortEnv = (short: Env): string | undefined => short[IMAGE_MARK];

/**
 * The catalog image references whose ENV, followed by HOSTNAME, is how `env` begins: an image
 * itself (`nginx`), or a version of it when the ENV names one (`nginx:1.14.2` for
 * NGINX_VERSION=1.14.2). Several images may share an ENV (PATH alone): all are given, in
 * catalog order. Empty for an image without ENV or one kubesim does not know.
 * @example imagesOfEnv({ PATH: "…", NGINX_VERSION: "1.29.1", NJS_VERSION: "0.9.1", PKG_RELEASE: "1~bookworm", HOSTNAME: "web" }, "web") // ["nginx"]
 */
export function imagesOfEnv(env: Env, hostname: string): readonly string[] {
  if (env.HOSTNAME !== hostname) return [];
  if (beginsWith(env, lastImages.head)) return lastImages.found; // the pods of a Deployment, one after another
  let key = "";
  for (const k in env) {
    if (k === "HOSTNAME") break;
    key += `${k}=${env[k].length}:${env[k]}\n`; // names have no "=", and the length ends the value
  }
  const entries = Object.entries(env);
  const head = entries.slice(0, entries.findIndex(([k]) => k === "HOSTNAME"));
  let found = imageByEnv.get(key);
  if (!found) imageByEnv.set(key, (found = findImages(head)));
  lastImages = { head, found };
  return found;
}

const imageByEnv = new Map<string, readonly string[]>();
/** The variables before HOSTNAME imagesOfEnv was last given, and its answer. */
let lastImages: { head: readonly (readonly [string, string])[]; found: readonly string[] } = { head: [], found: [] };

/** Whether `env`'s variables before HOSTNAME are `head`'s. */
function beginsWith(env: Env, head: readonly (readonly [string, string])[]): boolean {
  let j = 0;
  for (const k in env) {
    if (k === "HOSTNAME") return j === head.length;
    if (j >= head.length || head[j][0] !== k || head[j][1] !== env[k]) return false;
    j++;
  }
  return false;
}
const envByImage = new Map<string, Env>();

function imageEnvOf(image: string): Env {
  let env = envByImage.get(image);
  if (!env) envByImage.set(image, (env = imageProcessFor(image, {}).imageEnv));
  return env;
}

function findImages(head: readonly [string, string][]): string[] {
  if (head.length === 0) return [];
  const same = (ref: string) => JSON.stringify(Object.entries(imageEnvOf(ref))) === JSON.stringify(head);
  const found: string[] = [];
  for (const img of IMAGE_CATALOG) {
    const catalogEnv = Object.entries(img.config?.env ?? {});
    if (catalogEnv.length !== head.length || catalogEnv.some(([k], i) => head[i][0] !== k)) continue;
    if (same(img.repository)) {
      found.push(img.repository);
      continue;
    }
    // versionedEnv: a value that begins with the catalog's version begins with the tag's instead.
    const version = img.version;
    const differing = catalogEnv.findIndex(([, v], i) => head[i][1] !== v);
    const [catalogValue, value] = [catalogEnv[differing][1], head[differing][1]];
    if (!version || !catalogValue.startsWith(version)) continue;
    const suffix = catalogValue.slice(version.length);
    if (!value.endsWith(suffix) || value.length === suffix.length) continue;
    const ref = `${img.repository}:${value.slice(0, value.length - suffix.length)}`;
    if (same(ref)) found.push(ref);
  }
  return found;
}

interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
}

/** The Service whose link variables begin at entries[i] (a `<PREFIX>_SERVICE_HOST`), if they all do. */
function serviceBlockAt(entries: readonly [string, string][], i: number): { name: string; spec: string; length: number } | undefined {
  const prefix = entries[i][0].slice(0, -"_SERVICE_HOST".length);
  const ip = entries[i][1];
  const ports: ServicePort[] = [];
  const names: [string, number][] = [];
  let link = linkPattern.get(prefix);
  if (!link) linkPattern.set(prefix, (link = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}_PORT_(\\d+)_([A-Z]+)$`)));
  for (let j = i + 1; j < entries.length && entries[j][0].startsWith(prefix + "_"); j++) {
    const [key, value] = entries[j];
    const m = link.exec(key);
    if (m) ports.push({ port: Number(m[1]), protocol: m[2] });
    else if (key.startsWith(`${prefix}_SERVICE_PORT_`)) names.push([key.slice(prefix.length + 14), Number(value)]);
  }
  // Named ports come in port order: give each name to the next port with its number.
  let from = 0;
  for (const [envName, port] of names) {
    const at = ports.findIndex((p, k) => k >= from && p.port === port);
    if (at < 0) return undefined;
    ports[at] = { ...ports[at], name: fromEnvName(envName) };
    from = at + 1;
  }
  const name = fromEnvName(prefix);
  const spec = [ip, ...ports.map(formatPort)].join(" ");
  const vars = Object.entries(serviceVars(name, spec));
  if (vars.length === 0 || vars.some(([k, v], n) => entries[i + n]?.[0] !== k || entries[i + n][1] !== v)) return undefined;
  return { name, spec, length: vars.length };
}

const linkPattern = new Map<string, RegExp>();
/** Every pod of a namespace sees the same Services: their variables are computed once per save or load. */
const varsBySpec = new Map<string, Readonly<Record<string, string>>>();

/** The link variables of Service `name` saved as "<ip> <port>…" (service-env.ts computes them). Never mutate the result. */
function serviceVars(name: string, spec: string): Readonly<Record<string, string>> {
  const key = `${name} ${spec}`;
  let vars = varsBySpec.get(key);
  if (!vars) {
    if (varsBySpec.size > 10_000) varsBySpec.clear();
    const [clusterIP, ...ports] = spec.split(" ");
    const service = { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { clusterIP, ports: ports.map(parsePort) } };
    varsBySpec.set(key, (vars = serviceEnv([service], "default", true)));
  }
  return vars;
}

/** Names in variables are upper case with "_" for "-"; Service and port names are lower case with no "_". */
const fromEnvName = (s: string): string => s.toLowerCase().replace(/_/g, "-");

const formatPort = (p: ServicePort): string => `${p.port}${p.protocol === "TCP" ? "" : `/${p.protocol}`}${p.name ? `:${p.name}` : ""}`;

function parsePort(s: string): ServicePort {
  const m = /^(\d+)(?:\/([A-Z]+))?(?::(.+))?$/.exec(s);
  if (!m) return { port: Number.NaN, protocol: "TCP" };
  return { port: Number(m[1]), protocol: m[2] ?? "TCP", ...(m[3] && { name: m[3] }) };
}
