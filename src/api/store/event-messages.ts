// What an Event's message and source say that its other fields already do, for its saved short
// form (event-encoding.ts). Each recorder writes its messages from a template (the kubelet's
// "Created container nginx", the scheduler's "Successfully assigned default/web-1 to worker",
// …): a saved message is the template's free parts only, and the parts the Event's object,
// container or reason give are filled back in. The templates copy the recorders' words, so this
// table is a saved format: change a template and files saved with it expand to other words.
// That is why it is here and not taken from the recorders, and why a short form is saved only
// when it expands back exactly.

type Json = Record<string, any>;

/** What a template's named parts stand for, taken from the Event. */
export interface MessageContext {
  readonly reason: string;
  /** The involved object's kind, name, namespace and uid. */
  readonly kind: string;
  readonly name: unknown;
  readonly namespace: unknown;
  readonly uid: unknown;
  /** The container the involved object's fieldPath names, if it names one. */
  readonly container: string | undefined;
}

/**
 * The messages of a reason (for one kind of object only, when `kind` is set), `{}` for a free
 * part, `{name}` and the like for a part the Event gives. Of two templates that apply to an
 * Event with as many free parts, expanding takes the first.
 */
const TEMPLATES: readonly { reason: string; kind?: string; template: string }[] = [
  { reason: "Scheduled", template: "Successfully assigned {namespace}/{name} to {}" },
  { reason: "Pulling", template: 'Pulling image "{}"' },
  { reason: "Pulled", template: 'Successfully pulled image "{}" in {} ({} including waiting). Image size: {} bytes.' },
  { reason: "Pulled", template: 'Container image "{}" already present on machine' },
  { reason: "Created", template: "Created container {container}" },
  { reason: "Started", template: "Started container {container}" },
  { reason: "Killing", template: "Stopping container {container}" },
  { reason: "BackOff", template: "Back-off restarting failed container {container} in pod {name}_{namespace}({uid})" },
  { reason: "SuccessfulCreate", kind: "ReplicaSet", template: "Created pod: {name}-{}" },
  { reason: "SuccessfulCreate", kind: "StatefulSet", template: "create Pod {name}-{} in StatefulSet {name} successful" },
  { reason: "SuccessfulCreate", template: "Created pod: {}" },
  { reason: "SuccessfulDelete", kind: "ReplicaSet", template: "Deleted pod: {name}-{}" },
  { reason: "SuccessfulDelete", kind: "StatefulSet", template: "delete Pod {name}-{} in StatefulSet {name} successful" },
  { reason: "SuccessfulDelete", template: "Deleted pod: {}" },
  { reason: "ScalingReplicaSet", template: "Scaled {} replica set {name}-{} from {} to {}" },
  { reason: "Starting", kind: "Node", template: "Starting kubelet." },
  ...["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID", "NodeReady", "NodeNotReady"].map((reason) => ({ reason, kind: "Node", template: "Node {name} status is now: {reason}" })),
  { reason: "NodeAllocatableEnforced", template: "Updated Node Allocatable limit across pods" },
  { reason: "RegisteredNode", template: "Node {name} event: Registered Node {name} in Controller" },
];

/** A template split at its parts: literal text at even places, part names at odd ones ("" for a free part). */
type Compiled = { kind?: string; pieces: string[]; free: number };
const compiled = new Map<string, Compiled[]>();
for (const { reason, kind, template } of TEMPLATES) {
  const pieces = template.split(/\{(\w*)\}/);
  const free = pieces.filter((p, i) => i % 2 === 1 && p === "").length;
  compiled.set(reason, [...(compiled.get(reason) ?? []), { kind, pieces, free }]);
}

/** The templates of a reason that apply to a kind, made once per pair: saving asks for them about every Event, thrice. */
function templatesFor(ctx: MessageContext): readonly Compiled[] {
  const ofReason = compiled.get(ctx.reason);
  if (ofReason === undefined) return []; // a reason of a user's Event, which no template has
  let byKind = applicable.get(ctx.reason);
  if (byKind === undefined) applicable.set(ctx.reason, (byKind = new Map()));
  let templates = byKind.get(ctx.kind);
  if (templates === undefined) byKind.set(ctx.kind, (templates = ofReason.filter((t) => t.kind === undefined || t.kind === ctx.kind)));
  return templates;
}

const applicable = new Map<string, Map<string, readonly Compiled[]>>();

/** A named part's text, or undefined when the Event does not give it. */
function partOf(name: string, ctx: MessageContext): string | undefined {
  const value = name === "container" ? ctx.container : (ctx as unknown as Json)[name];
  return typeof value === "string" ? value : undefined;
}

/** The message that `free` fills into the first template with as many free parts; undefined when none fits. */
export function expandMessage(ctx: MessageContext, free: readonly unknown[]): string | undefined {
  if (!free.every((p) => typeof p === "string")) return undefined;
  const t = templatesFor(ctx).find((t) => t.free === free.length);
  if (!t) return undefined;
  let text = "";
  let next = 0;
  for (let i = 0; i < t.pieces.length; i++) {
    if (i % 2 === 0) text += t.pieces[i];
    else {
      const part = t.pieces[i] === "" ? (free[next++] as string) : partOf(t.pieces[i], ctx);
      if (part === undefined) return undefined;
      text += part;
    }
  }
  return text;
}

/** The free parts of `message` that expandMessage turns back into it, or undefined when no template does. */
export function shortMessage(ctx: MessageContext, message: unknown): string[] | undefined {
  if (typeof message !== "string") return undefined;
  for (const t of templatesFor(ctx)) {
    const free = matchTemplate(t.pieces, ctx, message);
    if (free && expandMessage(ctx, free) === message) return free;
  }
  return undefined;
}

/**
 * The free parts that make `message` from a template's pieces, if any do: each free part ends
 * where the text after it first occurs, the last one where the message's end leaves room for it.
 */
function matchTemplate(pieces: readonly string[], ctx: MessageContext, message: string): string[] | undefined {
  // The template as literal runs around its free parts, named parts filled in.
  const runs = [""];
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) runs[runs.length - 1] += pieces[i];
    else if (pieces[i] === "") runs.push("");
    else {
      const part = partOf(pieces[i], ctx);
      if (part === undefined) return undefined;
      runs[runs.length - 1] += part;
    }
  }
  if (!message.startsWith(runs[0])) return undefined;
  const free: string[] = [];
  let at = runs[0].length;
  for (let i = 1; i < runs.length; i++) {
    const end = i === runs.length - 1 ? message.length - runs[i].length : message.indexOf(runs[i], at);
    if (end < at || !message.startsWith(runs[i], end)) return undefined;
    free.push(message.slice(at, end));
    at = end + runs[i].length;
  }
  return at === message.length ? free : undefined;
}

/** "spec.containers{nginx}" → "nginx": the container a kubelet Event is about. */
export function containerOf(fieldPath: unknown): string | undefined {
  if (typeof fieldPath !== "string") return undefined;
  return /^spec\.(?:containers|initContainers|ephemeralContainers)\{(.+)\}$/.exec(fieldPath)?.[1];
}

/**
 * Who reports an Event when its source does not say otherwise: the kubelet for an Event with a
 * host, the scheduler for its reasons, and a kind's controller ("replicaset-controller") else.
 */
export function impliedComponent(reason: unknown, kind: string, host: unknown): string {
  if (host !== undefined) return "kubelet";
  if (reason === "Scheduled" || reason === "FailedScheduling") return "default-scheduler";
  return `${kind.toLowerCase()}-controller`;
}

/** The apiVersion of an involved object of this kind when its Event does not say otherwise. */
export function impliedApiVersion(kind: string): string {
  return APPS.has(kind) ? "apps/v1" : kind === "Job" || kind === "CronJob" ? "batch/v1" : "v1";
}

const APPS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ControllerRevision"]);
