// The objects a verb acts on, as kubectl's resource builder finds them: `TYPE NAME...`,
// `TYPE/NAME...`, or `TYPE` with -l/--all (optionally across namespaces). Missing named
// objects become errors the verb reports after the others (ContinueOnError).

import type { KubeObject } from "../../api/types";
import type { ApiServer } from "../../api/server";
import { UsageError } from "../../api/errors";
import { namedAndSelected, parseResourceArgs } from "../flags/resources";
import { listOptionsFor } from "../flags/selector";

export interface TargetQuery {
  readonly args: readonly string[];
  readonly selector: string;
  readonly all: boolean;
  readonly allNamespaces: boolean;
  readonly namespace: string;
}

export interface Targets {
  readonly objects: KubeObject[];
  readonly errors: unknown[];
  /** One named object (kubectl's IntoSingleItemImplied). */
  readonly single: boolean;
}

export function findTargets(api: ApiServer, q: TargetQuery): Targets {
  const req = parseResourceArgs(q.args);
  if (req.named && (q.selector !== "" || q.all)) throw namedAndSelected(req);
  if (!req.named && q.selector === "" && !q.all) {
    throw new UsageError(`resource(s) were provided, but no name was specified`);
  }
  const objects: KubeObject[] = [];
  const errors: unknown[] = [];
  for (const info of req.types) {
    const names = req.names.get(info);
    if (names) {
      for (const name of names) {
        try {
          objects.push(api.get(info.kind, q.namespace, name));
        } catch (err) {
          errors.push(err);
        }
      }
    } else {
      const opts = listOptionsFor(info, { label: q.selector, field: "" });
      objects.push(...api.list(info.kind, q.allNamespaces ? undefined : q.namespace, opts));
    }
  }
  const single = req.named && req.types.length === 1 && (req.names.get(req.types[0])?.length ?? 0) === 1;
  return { objects, errors, single };
}
