// One line per intended write and event, so controller test rows stay short:
//   ["create Pod web-abc12", "event SuccessfulCreate Created pod: web-abc12"]

import type { Outcome, Write } from "../../src/controllers/types";
import { createRng } from "../../src/sim/random";
import type { Rng } from "../../src/sim/random";

export const SEED = 1;
export const rng = (): Rng => createRng(SEED);

/** Writes, each with an optional detail, then events. */
export function summarize(out: Outcome, detail: (w: Write) => string = () => ""): string[] {
  const lines = out.writes.map((w) => {
    const head =
      w.op === "delete"
        ? `delete ${w.ref.kind} ${w.ref.name}`
        : w.op === "bind"
          ? `bind ${w.ref.name} ${w.nodeName}`
          : `${w.op} ${w.object.kind} ${w.object.metadata.name}`;
    const d = detail(w);
    return d ? `${head} ${d}` : head;
  });
  return [...lines, ...out.events.map((e) => `event ${e.reason} ${e.message}`)];
}
