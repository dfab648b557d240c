// The objects a verb acts on with -f (label, annotate, scale, expose): each object the files name,
// as the server holds it (the resource builder's Latest()), NotFound for one it lacks. The manifest
// reader, and the YAML parser with it, is loaded only here, when files are given.

import type { ApiServer } from "../../api/server";
import type { VerbEnv } from "../verb";
import type { FilenameOptions } from "../flags/filename";
import type { Targets } from "./targets";

export interface FileQuery {
  readonly files: FilenameOptions;
  /** Resource arguments beside the files: the builder refuses them. */
  readonly args: readonly string[];
  readonly selector: string;
  readonly namespace: string;
  readonly explicitNamespace: boolean;
  /** False: the files' objects as they are (expose builds its Service from them, not from the server's). */
  readonly latest?: boolean;
}

export async function fileTargets(api: ApiServer, q: FileQuery, env: Pick<VerbEnv, "cwd" | "readStdin">): Promise<Targets> {
  const [{ readSources }, { manifestItems }, { checkArgsWithPaths, fetchFileObjects, singleItemImplied }] = await Promise.all([
    import("../flags/read-sources"),
    import("../manifests/read"),
    import("../manifests/file-objects"),
  ]);
  const sources = readSources(q.files, env);
  checkArgsWithPaths(q.args);
  const items = manifestItems(sources, { validate: false, namespace: q.namespace, explicitNamespace: q.explicitNamespace });
  const { found, errors } = fetchFileObjects(api, items, q.selector, q.latest ?? true);
  return { objects: found.map((f) => f.object), errors: [...errors], single: singleItemImplied(q.files, sources) };
}
