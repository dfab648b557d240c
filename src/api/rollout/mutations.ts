// The object changes of `rollout pause`, `resume` and `restart`, per kind. Ports of
// objectpauser.go, objectresumer.go and objectrestarter.go in
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers (v1.32). Each returns the changed copy, or
// undefined when nothing would change (kubectl's empty patch); a refusal is a RolloutRefusal
// whose reason kubectl prints after `<resource> "<name>"`.

import type { Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";
import type { KubeObject } from "../types";
import { deepCopy } from "../deep-copy";

export const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

/** A per-object refusal: printed as `error: deployments.apps "web" <reason>`. */
export class RolloutRefusal extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
    this.name = "RolloutRefusal";
  }
}

export type Mutation = (obj: KubeObject, now: Instant) => KubeObject | undefined;

/** defaultObjectPauser: only Deployments pause. */
export const pauseObject: Mutation = (obj) => {
  if (obj.kind !== "Deployment") throw new RolloutRefusal("pausing is not supported");
  if (obj.spec?.paused) throw new RolloutRefusal("is already paused");
  const out = deepCopy(obj);
  out.spec = { ...out.spec, paused: true };
  return out;
};

/** defaultObjectResumer: `paused: false` is omitted on the wire, so the field goes away. */
export const resumeObject: Mutation = (obj) => {
  if (obj.kind !== "Deployment") throw new RolloutRefusal("resuming is not supported");
  if (!obj.spec?.paused) throw new RolloutRefusal("is not paused");
  const out = deepCopy(obj);
  delete out.spec.paused;
  return out;
};

const RESTARTABLE = new Set(["Deployment", "DaemonSet", "StatefulSet"]);

/**
 * defaultObjectRestarter: stamps the pod template with the time in RFC 3339 (whole seconds), so a
 * second restart within the same second changes nothing — kubectl then reports an empty patch.
 */
export const restartObject: Mutation = (obj, now) => {
  if (!RESTARTABLE.has(obj.kind)) throw new RolloutRefusal("restarting is not supported");
  if (obj.kind === "Deployment" && obj.spec?.paused) throw new RolloutRefusal("can't restart paused deployment (run rollout resume first)");
  const stamp = toRFC3339(now);
  if (obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === stamp) return undefined;
  const out = deepCopy(obj);
  const template = (out.spec.template ??= {});
  template.metadata = { ...(template.metadata ?? {}) };
  template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [RESTARTED_AT]: stamp };
  return out;
};
