// kubesim sim advance DURATION: move time forward and print the events that happened, in order,
// with their offset from the start of the advance.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import type { Duration, Instant } from "../../../sim/time";
import { formatGoDuration, parseDuration, parseInstant, toRFC3339 } from "../../../sim/time";
import type { KubeObject } from "../../../api/types";
import { infoForKind } from "../../../api/registry";
import { tabwrite } from "../../../printers/tabwriter";
import { tuneJitFor } from "../../jit-tuning";

interface Options {
  by: Duration;
}

export default defineVerb<object, Options>({
  name: "sim advance",
  help: {
    short: "Move simulated time forward, printing what happened",
    long: "Move the simulated clock forward by DURATION. Every controller, the scheduler and the kubelets run at each instant they are due, and the events they record are printed in order.",
    example: "  # Let 90 seconds pass\n  kubesim sim advance 90s\n\n  # A day of CronJobs\n  kubesim sim advance 24h",
    usage: "sim advance DURATION",
  },
  define(cmd) {
    cmd.argument("[duration]");
  },
  complete(_flags, args) {
    if (args.length !== 1) throw new UsageError("expected exactly one DURATION, e.g. kubesim sim advance 90s", { hint: "See 'kubesim sim advance -h' for help and examples" });
    const by = parseDuration(args[0]);
    if (by === undefined || by < 0) throw new UsageError(`invalid duration "${args[0]}": expected e.g. 30s, 5m, 1h30m`);
    return { by };
  },
  validate() {},
  run(o, cluster, io) {
    const c = cluster!;
    // The invocation's own tick counts too: report every event written since the command began.
    const start = c.invokedAt;
    if (c.needsEngine(o.by)) tuneJitFor(o.by);
    c.advance(o.by);
    const events = c.store
      .list("Event")
      .filter((e) => Number(e.metadata.resourceVersion) > c.invokedAtVersion)
      .sort(byTime);
    if (events.length > 0) {
      const rows = events.map((e) => row(e, start));
      io.out.write(tabwrite(["TIME\tTYPE\tREASON\tOBJECT\tMESSAGE", ...rows].join("\n") + "\n", { minWidth: 6, padding: 3 }));
    }
    io.out.write(`Advanced ${formatGoDuration(o.by)}: clock ${toRFC3339(c.now)}, ${events.length} event${events.length === 1 ? "" : "s"}.\n`);
    return 0;
  },
});

function row(e: KubeObject, start: Instant): string {
  const at = lastSeen(e) - start;
  const inv = e.involvedObject as { kind: string; name: string };
  const info = infoForKind(inv.kind);
  const kind = info ? (info.group ? `${info.singular}.${info.group}` : info.singular) : inv.kind.toLowerCase();
  return [`+${formatGoDuration(at as Duration)}`, e.type, e.reason, `${kind}/${inv.name}`, String(e.message ?? "").trim()].join("\t");
}

function byTime(a: KubeObject, b: KubeObject): number {
  const d = lastSeen(a) - lastSeen(b);
  if (d !== 0) return d;
  return Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion);
}

/** When the Event was last seen; its stamp is parsed once for all the comparisons of the sort. */
function lastSeen(e: KubeObject): number {
  return parseInstant(String(e.lastTimestamp)) ?? NaN;
}
