// How a Pod's status is saved: without what repeats other fields by the kubelet's rules
// (kubelet/pod-status.ts): every condition's `lastProbeTime: null` (a condition that says no
// more than its type, status and time is the string "<type> [<status> ]<time>", the status
// left out when "True"), hostIPs and podIPs that only repeat hostIP and podIP, the QoS class
// its spec gives (getPodQOS), and in each container status the image and imageID the spec's
// image gives and an empty lastState.
// pod-encoding.ts checks the whole Pod expands back byte for byte before using this.

import type { KubeObject } from "../types";
import { getPodQOS } from "../pod-qos";
import { imageDigestName, qualifiedImageName } from "./container-image-names";
import { sameJson } from "../same-json";

type Json = Record<string, any>;

/** The status without what expandPodStatus puts back. */
export function shortPodStatus(status: Json, spec: Json): Json {
  const short: Json = {};
  for (const field in status) {
    const value = status[field];
    if (field === "conditions" && Array.isArray(value)) short.conditions = value.map(shortCondition);
    else if (field === "containerStatuses" || field === "initContainerStatuses") short[field] = shortContainerStatuses(value, containersOf(spec, field));
    else if ((field === "hostIPs" || field === "podIPs") && sameJson(value, ipsOf(status[field.slice(0, -1)]))) continue;
    else if (field === "qosClass" && value === qosOf(spec)) continue;
    else short[field] = value;
  }
  return short;
}

/** The status a short one stands for, `spec` being the expanded Pod's. */
export function expandPodStatus(short: Json, spec: Json): Json {
  const status: Json = {};
  // The kubelet writes qosClass before startTime; the API server's first status, after phase.
  const qosBefore = "qosClass" in short ? undefined : "startTime" in short ? "startTime" : undefined;
  const qosAfter = "qosClass" in short || qosBefore ? undefined : "phase";
  for (const field in short) {
    const value = short[field];
    if (field === qosBefore) status.qosClass = qosOf(spec);
    if (field === "conditions" && Array.isArray(value)) status.conditions = value.map(expandCondition);
    else if (field === "containerStatuses" || field === "initContainerStatuses") status[field] = expandContainerStatuses(value, containersOf(spec, field));
    else status[field] = value;
    if (field === "hostIP" && !("hostIPs" in short) && value) status.hostIPs = ipsOf(value);
    else if (field === "podIP" && !("podIPs" in short) && value) status.podIPs = ipsOf(value);
    if (field === qosAfter) status.qosClass = qosOf(spec);
  }
  return status;
}

const ipsOf = (ip: unknown) => [{ ip }];

/** getPodQOS, without its arithmetic for the common Pod that requests and limits nothing. */
function qosOf(spec: Json): string {
  return requestsNothing(spec.containers) && requestsNothing(spec.initContainers) ? "BestEffort" : getPodQOS({ spec } as KubeObject);
}

function requestsNothing(containers: unknown): boolean {
  if (!Array.isArray(containers)) return true;
  for (const c of containers) {
    const resources = c?.resources;
    if (resources && (resources.requests !== undefined || resources.limits !== undefined)) return false;
  }
  return true;
}

function containersOf(spec: Json, statusField: string): Json[] {
  const containers = statusField === "containerStatuses" ? spec.containers : spec.initContainers;
  return Array.isArray(containers) ? containers : [];
}

/** `lastProbeTime: null` comes third in every condition the kubesim control plane writes. */
function shortCondition(c: unknown): unknown {
  if (!isObject(c) || c.lastProbeTime !== null) return c;
  const fields = Object.keys(c);
  if (fields[0] !== "type" || fields[1] !== "status" || fields[2] !== "lastProbeTime") return c;
  if (fields.length === 4 && fields[3] === "lastTransitionTime" && isWord(c.type) && isWord(c.status) && isWord(c.lastTransitionTime)) {
    return c.status === "True" ? `${c.type} ${c.lastTransitionTime}` : `${c.type} ${c.status} ${c.lastTransitionTime}`;
  }
  const { lastProbeTime: _null, ...rest } = c;
  return rest;
}

/** A non-empty string without spaces: one part of a condition saved as a string. */
const isWord = (v: unknown) => typeof v === "string" && v !== "" && !v.includes(" ");

function expandCondition(c: unknown): unknown {
  if (typeof c === "string") {
    const parts = c.split(" ");
    const two = parts.length === 2;
    return { type: parts[0], status: two ? "True" : parts[1], lastProbeTime: null, lastTransitionTime: parts[two ? 1 : 2] };
  }
  if (!isObject(c) || "lastProbeTime" in c) return c;
  // One literal for the common shape, so the conditions of every Pod share one hidden class.
  const condition: Json =
    c.lastTransitionTime === undefined
      ? { type: c.type, status: c.status, lastProbeTime: null }
      : { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: c.lastTransitionTime };
  for (const field in c) if (!(field in condition)) condition[field] = c[field];
  return condition;
}

/** The fields a container status starts with (containerID first once there is a container). */
const LEADING = ["image", "imageID", "lastState"];

function shortContainerStatuses(statuses: unknown, containers: Json[]): unknown {
  if (!Array.isArray(statuses)) return statuses;
  return statuses.map((s) => {
    const image = isObject(s) ? containers.find((c) => c?.name === s.name)?.image : undefined;
    if (typeof image !== "string") return s;
    const fields = Object.keys(s);
    const from = fields[0] === "containerID" ? 1 : 0;
    if (LEADING.some((f, i) => fields[from + i] !== f)) return s;
    const derived = derivedNames(image, from === 1, s.image);
    const short: Json = {};
    for (const field of fields) {
      if (field === "image" && s.image === derived.image) continue;
      if (field === "imageID" && s.imageID === derived.imageID) continue;
      if (field === "lastState" && isObject(s.lastState) && Object.keys(s.lastState).length === 0) continue;
      short[field] = s[field];
    }
    return short;
  });
}

function expandContainerStatuses(statuses: unknown, containers: Json[]): unknown {
  if (!Array.isArray(statuses)) return statuses;
  return statuses.map((s) => {
    if (!isObject(s) || ("image" in s && "imageID" in s && "lastState" in s)) return s;
    const created = "containerID" in s;
    const specImage = containers.find((c) => c?.name === s.name)?.image;
    const derived = derivedNames(String(specImage), created, s.image);
    const image = "image" in s ? s.image : derived.image;
    const imageID = "imageID" in s ? s.imageID : derived.imageID;
    const lastState = "lastState" in s ? s.lastState : {};
    const status: Json = created ? { containerID: s.containerID, image, imageID, lastState } : { image, imageID, lastState };
    for (const field in s) if (!(field in status)) status[field] = s[field];
    return status;
  });
}

/**
 * containerStatus in kubelet/pod-status.ts: before the container exists the kubelet echoes the
 * spec's image and no imageID; after, the runtime's qualified name and its digest (of the
 * image the status names, `savedImage` when that was kept).
 */
function derivedNames(specImage: string, created: boolean, savedImage: unknown): { image: string; imageID: string } {
  if (!created) return { image: specImage, imageID: "" };
  const image = typeof savedImage === "string" ? savedImage : qualifiedImageName(specImage);
  return { image: qualifiedImageName(specImage), imageID: imageDigestName(image) };
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
