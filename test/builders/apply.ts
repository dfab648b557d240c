// Applies an Outcome's writes straight to a Store, as the API server would in the few ways
// controller tests need (create stamps uid/creationTimestamp/generation; update keeps status
// and bumps generation on a spec change; updateStatus keeps everything else; delete removes).
// It lets a test run a controller pass after pass without depending on the engine.

import type { KubeObject } from "../../src/api/types";
import { keyOf, refOf } from "../../src/api/types";
import type { Store } from "../../src/api/store/store";
import type { Outcome } from "../../src/controllers/types";
import type { Instant } from "../../src/sim/time";
import { toRFC3339 } from "../../src/sim/time";
import { sameJSON } from "../../src/controllers/shared/canonical";
import { uidOf } from "./objects";

export function applyOutcome(store: Store, out: Outcome, now: Instant): void {
  for (const w of out.writes) {
    if (w.op === "delete") {
      store.remove(keyOf(w.ref));
      continue;
    }
    if (w.op === "bind") throw new Error("bind is the scheduler's; controller tests do not apply it");
    const key = keyOf(refOf(w.object));
    const old = store.get(key);
    const obj: KubeObject = structuredClone(w.object);
    if (w.op === "create") {
      if (old) throw new Error(`AlreadyExists ${key}`);
      obj.metadata.uid = uidOf(obj.kind, obj.metadata.name!);
      obj.metadata.creationTimestamp = toRFC3339(now);
      if (obj.kind !== "Pod") obj.metadata.generation = 1;
    } else {
      if (!old) throw new Error(`NotFound ${key}`);
      const rv = w.object.metadata.resourceVersion;
      if (rv && rv !== old.metadata.resourceVersion) throw new Error(`Conflict ${key}`);
      if (w.op === "update") {
        obj.status = old.status;
        if (old.metadata.generation !== undefined) obj.metadata.generation = old.metadata.generation + (sameJSON(old.spec, obj.spec) ? 0 : 1);
      } else {
        Object.assign(obj, { ...structuredClone(old), status: obj.status });
      }
    }
    obj.metadata.resourceVersion = store.nextResourceVersion();
    store.put(obj);
  }
}
