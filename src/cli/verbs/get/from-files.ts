// `kubectl get -f`: the objects the files name, fetched from the server at each listing, grouped
// by type as kubectl's printer changes table whenever the next object's type differs from the
// last one's (get.go shouldGetNewPrinterForMapping).

import type { KubeObject } from "../../../api/types";
import type { ResourceInfo } from "../../../api/registry";
import { StatusError } from "../../../api/errors";
import type { Cluster } from "../../../sim/cluster";
import type { VerbEnv } from "../../verb";
import { fetchFileObjects, readFileItems } from "../../manifests/file-objects";
import type { Fetched } from "./collect";
import type { GetOptions } from "../get";

/** The files are read once; `single` is IntoSingleItemImplied (one regular file). */
export function filesFetcher(o: GetOptions, c: Cluster, env: VerbEnv) {
  const { items, single } = readFileItems(o.files, o.args, o, env);
  return {
    single,
    fetch(): { groups: Fetched[]; errors: readonly unknown[] } {
      const { found, errors } = fetchFileObjects(c.api, items, o.selectors.label);
      const groups: { info: ResourceInfo; objects: KubeObject[] }[] = [];
      for (const { info, object } of found) {
        const last = groups.at(-1);
        if (last?.info === info) last.objects.push(object);
        else groups.push({ info, objects: [object] });
      }
      return { groups, errors: o.ignoreNotFound ? errors.filter((e) => !isNotFound(e)) : errors };
    },
  };
}

const isNotFound = (err: unknown) => err instanceof StatusError && err.reason === "NotFound";
