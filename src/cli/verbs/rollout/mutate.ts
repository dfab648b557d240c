// The shared body of `rollout pause`, `resume` and `restart` (rollout_pause.go and siblings):
// compute each object's change, refuse with kubectl's per-object error, write the rest and print
// `deployment.apps/web paused`.

import type { Command } from "commander";
import type { Verb, VerbEnv } from "../../verb";
import { defineVerb } from "../../verb";
import type { Mutation } from "../../../api/rollout/mutations";
import type { OutputFormat } from "../../flags/output";
import { parseOutput } from "../../flags/output";
import { printCreated } from "../../generators/output";
import { UsageError } from "../../../api/errors";
import type { TargetFlags, TargetOptions } from "./targets";
import { defineTargetFlags, requireResource, targetOptions } from "./targets";
import { forEachTarget, refusalError } from "./report";
import { defineFieldManager, definePrinterFlags } from "./printer-flags";

interface Flags extends TargetFlags {
  output?: string;
}

interface Options extends TargetOptions {
  output: OutputFormat;
}

export interface MutationVerb {
  readonly name: string;
  readonly help: Verb["help"];
  readonly mutation: Mutation;
  /** "paused", "resumed", "restarted". */
  readonly operation: string;
  /** What kubectl says when the change is empty (restart within the same second). */
  readonly emptyPatch: (name: string) => UsageError;
}

export function mutationVerb(spec: MutationVerb) {
  return defineVerb<Flags, Options>({
    name: spec.name,
    help: spec.help,
    define(cmd: Command) {
      defineFieldManager(cmd);
      defineTargetFlags(cmd);
      definePrinterFlags(cmd);
    },
    complete: (flags, args, env: VerbEnv) => ({ ...targetOptions(flags, args, env), output: parseOutput(flags.output) }),
    validate: requireResource,
    run(o, cluster, io, env) {
      const api = cluster!.api;
      return forEachTarget(api, o, env, io, (obj, errors) => {
        let changed;
        try {
          changed = spec.mutation(obj, cluster!.now);
        } catch (err) {
          errors.push(refusalError(obj, err));
          return;
        }
        if (!changed) {
          errors.push(spec.emptyPatch(obj.metadata.name ?? ""));
          return;
        }
        io.out.write(printCreated(api.update(changed), o.output, "none", spec.operation));
      });
    },
  });
}
