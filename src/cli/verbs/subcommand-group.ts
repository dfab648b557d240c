// kubectl's commands that only group sub-commands (cmdutil.DefaultSubCommandRun): alone they
// print their help and exit 1 (rollout on stdout, the others on stderr); a word that names no
// sub-command is a usage error.

import { UsageError } from "../../api/errors";
import type { IOStreams } from "../verb";

export function runSubcommandGroup(verb: string, args: readonly string[], help: string, io: IOStreams, stream: "out" | "err"): number {
  if (args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(args.join(" "))}`, { hint: `See 'kubectl ${verb} -h' for help and examples` });
  io[stream].write(help);
  return 1;
}
