// The NAME argument every `sim node` verb takes, checked the same way by each.

import { UsageError } from "../../../api/errors";

export function oneNodeName(args: readonly string[], verb: string): string {
  if (args.length !== 1) {
    throw new UsageError(`expected exactly one NODE name, e.g. kubesim ${verb} kubesim-worker`, { hint: `See 'kubesim ${verb} -h' for help and examples` });
  }
  return args[0];
}
