// What `kubectl delete` acts on, in kubectl's visiting order: the objects of -f files, named
// objects (`pods a b`, `pod/a`), or every object of each type that matches -l/--field-selector
// (--all: every one), in one namespace or all of them. Named objects are not fetched first —
// kubectl sends the DELETE and lets the server answer NotFound.

import type { ResourceInfo } from "../../api/registry";
import type { ApiServer } from "../../api/server";
import type { ResourceRequest } from "../flags/resources";
import type { SelectorFlags } from "../flags/selector";
import { listOptionsFor } from "../flags/selector";
import type { ManifestItem } from "./read";

export interface DeleteTarget {
  readonly info: ResourceInfo;
  readonly namespace: string;
  readonly name: string;
  /** The file the object came from ("" for arguments), for `error when deleting "x.yaml"`. */
  readonly source: string;
}

export interface TargetQuery {
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly selector: SelectorFlags;
}

export function fileTargets(items: readonly ManifestItem[]): DeleteTarget[] {
  return items
    .filter((i) => i.object && i.info)
    .map((i) => ({
      info: i.info!,
      namespace: i.info!.namespaced ? (i.object!.metadata.namespace ?? "") : "",
      name: i.object!.metadata.name ?? "",
      source: i.source,
    }));
}

export function namedTargets(req: ResourceRequest, namespace: string): DeleteTarget[] {
  const out: DeleteTarget[] = [];
  for (const info of req.types) {
    for (const name of req.names.get(info) ?? []) out.push({ info, namespace: info.namespaced ? namespace : "", name, source: "" });
  }
  return out;
}

/** Every object of each type that the selectors match (throws the selector's BadRequest). */
export function selectedTargets(api: ApiServer, req: ResourceRequest, q: TargetQuery): DeleteTarget[] {
  const out: DeleteTarget[] = [];
  for (const info of req.types) {
    const opts = listOptionsFor(info, q.selector);
    const ns = q.allNamespaces || !info.namespaced ? undefined : q.namespace;
    for (const obj of api.list(info.kind, ns, opts)) {
      out.push({ info, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name ?? "", source: "" });
    }
  }
  return out;
}
