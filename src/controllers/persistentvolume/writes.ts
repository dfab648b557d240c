// Small builders for the PV controller's writes: a status write without a resourceVersion
// (it follows a spec update of the same object in one Outcome, as upstream's two API calls do)
// and copies with annotations set.

import type { KubeObject } from "../../api/types";
import type { Write } from "../types";

export function statusWrite(obj: KubeObject, status: Record<string, unknown>): Write {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return { op: "updateStatus", object: { ...obj, metadata, status } };
}

export function withAnnotations(obj: KubeObject, set: Record<string, string>): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), ...set } } };
}

export function phaseOf(obj: KubeObject): string {
  return obj.status?.phase ?? "";
}
