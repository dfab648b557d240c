// The objects a verb acts on with -f (label, annotate, scale, expose): each object the files name,
// as the server holds it (the resource builder's Latest()), NotFound for one it lacks. Verbs load
// it only when files are given: the manifest reader brings the YAML parser.

import type { ApiServer } from "../../api/server";
import type { VerbEnv } from "../verb";
import type { FilenameOptions } from "../flags/filename";
import type { Targets } from "./targets";
import { fetchFileObjects, readFileItems } from "../manifests/file-objects";

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

export function fileTargets(api: ApiServer, q: FileQuery, env: Pick<VerbEnv, "cwd" | "readStdin">): Targets {
  const { items, single } = readFileItems(q.files, q.args, q, env);
  const { found, errors } = fetchFileObjects(api, items, q.selector, q.latest ?? true);
  return { objects: found.map((f) => f.object), errors: [...errors], single };
}
