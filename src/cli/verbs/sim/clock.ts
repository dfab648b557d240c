// kubesim sim clock [--tick D]: show or set the default tick.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import type { Duration } from "../../../sim/time";
import { formatGoDuration, parseDuration, toRFC3339 } from "../../../sim/time";

interface Flags {
  tick?: string;
}
interface Options {
  tick?: Duration;
}

export default defineVerb<Flags, Options>({
  name: "sim clock",
  help: {
    short: "Show the clock, or set the default tick",
    long: "Show the simulated clock and the tick every command advances it by, or set the tick. A tick of 0 freezes time between commands.",
    example: "  # Advance 1 minute with every command\n  kubesim sim clock --tick 1m\n\n  # Freeze time between commands\n  kubesim sim clock --tick 0",
    usage: "sim clock [--tick D]",
  },
  define(cmd) {
    cmd.option("--tick <duration>", "How far every command advances the clock (e.g. 5s, 1m, 0).");
  },
  complete(flags) {
    if (flags.tick === undefined) return {};
    const tick = parseDuration(flags.tick);
    if (tick === undefined || tick < 0) throw new UsageError(`invalid --tick "${flags.tick}": expected a duration such as 5s, 1m or 0`);
    return { tick };
  },
  validate() {},
  run(o, cluster, io) {
    if (o.tick !== undefined) cluster!.tick = o.tick;
    io.out.write(`Clock: ${toRFC3339(cluster!.now)}\nTick:  ${formatGoDuration(cluster!.tick)}\n`);
    return 0;
  },
});
