// Resource arguments as kubectl's resource builder reads them: `pods`, `pods a b`,
// `pod/a deploy/b`, `deploy,svc`, `all`, each type by plural, singular, short name or Kind.

import type { ResourceInfo } from "../../api/registry";
import { resolveResource } from "../../api/registry";
import { UsageError } from "../../api/errors";

/** The `all` category, in the order kubectl prints it. */
export const ALL_CATEGORY = [
  "pods",
  "replicationcontrollers",
  "services",
  "daemonsets",
  "deployments",
  "replicasets",
  "statefulsets",
  "horizontalpodautoscalers",
  "cronjobs",
  "jobs",
];

export interface ResourceRequest {
  /** Types in the order given (the `all` category expanded in kubectl's order). */
  readonly types: readonly ResourceInfo[];
  /** Named objects per type; absent for a type means "every object of that type". */
  readonly names: ReadonlyMap<ResourceInfo, readonly string[]>;
  /** True when the objects were named (`pod/a`, `pods a`), not selected by type. */
  readonly named: boolean;
  /** True when `type/name` form was used (kubectl prints kind prefixes for it only with several types). */
  readonly slashForm: boolean;
}

export class UnknownResourceType extends UsageError {}

/** The resource builder's error for named objects with a selector or --all, by how they were named. */
export function namedAndSelected(req: ResourceRequest): UsageError {
  return new UsageError(
    req.slashForm ? "selectors and the all flag cannot be used when passing resource/name arguments" : "name cannot be provided when a selector is specified",
  );
}

export function resolveType(typed: string): ResourceInfo {
  const info = resolveResource(typed);
  if (!info) throw new UnknownResourceType(`the server doesn't have a resource type "${typed}"`);
  return info;
}

/** Parses resource arguments; throws kubectl's usage errors for malformed ones. */
export function parseResourceArgs(args: readonly string[]): ResourceRequest {
  if (args.length === 0) return { types: [], names: new Map(), named: false, slashForm: false };
  const slashed = args.filter((a) => a.includes("/"));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new UsageError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const types: ResourceInfo[] = [];
    const names = new Map<ResourceInfo, string[]>();
    for (const a of args) {
      const parts = a.split("/");
      if (parts.length > 2) throw new UsageError("arguments in resource/name form may not have more than one slash");
      const [t, name] = parts;
      if (!t || !name) throw new UsageError("arguments in resource/name form must have a single resource and name");
      const info = resolveType(t);
      if (!names.has(info)) {
        types.push(info);
        names.set(info, []);
      }
      names.get(info)!.push(name);
    }
    return { types, names, named: true, slashForm: true };
  }
  const [first, ...rest] = args;
  const types: ResourceInfo[] = [];
  for (const t of first.split(",").filter((x) => x !== "")) {
    if (t.toLowerCase() === "all") {
      for (const p of ALL_CATEGORY) if (!types.includes(resolveType(p))) types.push(resolveType(p));
    } else {
      const info = resolveType(t);
      if (!types.includes(info)) types.push(info);
    }
  }
  const names = new Map<ResourceInfo, string[]>();
  if (rest.length > 0) for (const t of types) names.set(t, [...rest]);
  return { types, names, named: rest.length > 0, slashForm: false };
}
