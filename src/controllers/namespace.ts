// Port of pkg/controller/namespace/deletion/namespaced_resources_deleter.go: a terminating
// namespace has everything in it deleted; once it is empty its `kubernetes` finalizer is
// removed and the API server lets it go.

import type { KubeObject } from "../api/types";
import { objectKey } from "../api/types";
import type { ClusterView } from "../api/store/view";
import { RESOURCES } from "../api/registry";
import type { Controller, Outcome, Write } from "./types";
import { NOTHING } from "./types";
import { existenceChanged } from "./shared/change-predicates";
import { deepCopy } from "../api/deep-copy";

const NAMESPACED_KINDS = [...new Set(RESOURCES.filter((r) => r.namespaced).map((r) => r.kind))];

export const namespaceController = {
  name: "namespace",
  primary: "Namespace",
  wakeOn: [
    { kind: "Namespace", keysFor: (ns: KubeObject) => [objectKey("Namespace", "", ns.metadata.name ?? "")] },
    // Only what exists counts: an object's creation, removal or deletion, and only in a
    // terminating namespace (the namespace's own deletion wakes it for the rest). Every Event
    // written would otherwise wake it for nothing.
    ...NAMESPACED_KINDS.map((kind) => ({
      kind,
      concerns: existenceChanged,
      keysFor: (obj: KubeObject, view: ClusterView) => {
        const key = objectKey("Namespace", "", obj.metadata.namespace ?? "");
        return view.get(key)?.metadata.deletionTimestamp ? [key] : [];
      },
    })),
  ],
  reconcile(view, key): Outcome {
    const ns = view.get(key);
    if (!ns || !ns.metadata.deletionTimestamp) return NOTHING;
    const name = ns.metadata.name!;
    const writes: Write[] = [];
    let remaining = 0;
    for (const kind of NAMESPACED_KINDS) {
      for (const obj of view.list(kind, name)) {
        remaining++;
        if (!obj.metadata.deletionTimestamp) {
          writes.push({ op: "delete", ref: { kind, namespace: name, name: obj.metadata.name! }, propagationPolicy: "Background" });
        }
      }
    }
    if (remaining === 0 && (ns.spec?.finalizers ?? []).length > 0) {
      const finalized = deepCopy(ns);
      finalized.spec = { ...finalized.spec, finalizers: [] };
      writes.push({ op: "update", object: finalized });
    }
    return { writes, events: [] };
  },
} satisfies Controller;
