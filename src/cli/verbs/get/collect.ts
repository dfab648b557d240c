// What `get` and `describe` fetch: for each requested type, either the named objects (a GET
// per name, NotFound for each missing one) or a list filtered by the selectors. Errors are
// collected, not thrown, because kubectl's builder runs with ContinueOnError: the objects it
// found are printed and the errors follow (partial success, exit 1).

import type { KubeObject } from "../../../api/types";
import type { ResourceInfo } from "../../../api/registry";
import type { ApiServer } from "../../../api/server";
import { notFound, StatusError } from "../../../api/errors";
import { pluralDotGroup } from "../../../api/registry";
import type { ResourceRequest } from "../../flags/resources";
import type { SelectorFlags } from "../../flags/selector";
import { listOptionsFor } from "../../flags/selector";

export interface FetchScope {
  /** The namespace to act in (for namespaced types), unless allNamespaces. */
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly selectors: SelectorFlags;
  /** --ignore-not-found: drop NotFound errors. */
  readonly ignoreNotFound: boolean;
}

export interface Fetched {
  readonly info: ResourceInfo;
  readonly objects: readonly KubeObject[];
}

export interface FetchResult {
  /** One entry per type that answered (a list, even empty, or at least one named object). */
  readonly groups: readonly Fetched[];
  readonly errors: readonly unknown[];
}

export function fetchResources(api: ApiServer, request: ResourceRequest, scope: FetchScope): FetchResult {
  const groups: Fetched[] = [];
  const errors: unknown[] = [];
  for (const info of request.types) {
    const names = request.names.get(info);
    const ns = info.namespaced ? scope.namespace : "";
    if (names) {
      const objects: KubeObject[] = [];
      for (const name of names) {
        const obj = api.tryGet(info.kind, ns, name);
        if (obj) objects.push(obj);
        else if (!scope.ignoreNotFound) errors.push(notFound(pluralDotGroup(info), name));
      }
      if (objects.length > 0) groups.push({ info, objects });
      continue;
    }
    try {
      const opts = listOptionsFor(info, scope.selectors);
      groups.push({ info, objects: api.list(info.kind, scope.allNamespaces ? undefined : ns, opts) });
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      errors.push(err);
    }
  }
  return { groups, errors };
}
