// The objects a verb's -f names (get, describe, label, annotate, scale, expose): each object the
// files name, as the server holds it, in the files' order — the resource builder's visitByPaths
// with Latest(): a file's object that the server lacks is NotFound, and -l keeps those whose
// labels match. Errors are collected (ContinueOnError), not thrown. Loaded only with -f: the
// manifest reader brings the YAML parser.

import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import { pluralDotGroup } from "../../api/registry";
import type { ApiServer } from "../../api/server";
import { notFound, StatusError, UsageError } from "../../api/errors";
import { matches, parseSelector } from "../../api/selectors";
import type { Selector } from "../../api/selectors";
import type { FilenameOptions } from "../flags/filename";
import type { ManifestSource } from "../flags/read-sources";
import { readSources } from "../flags/read-sources";
import type { ManifestItem } from "./read";
import { manifestItems } from "./read";
import type { VerbEnv } from "../verb";

export interface FileObject {
  readonly info: ResourceInfo;
  readonly object: KubeObject;
}

export interface FileObjects {
  readonly found: readonly FileObject[];
  readonly errors: readonly unknown[];
}

/** The builder's argument checks when paths are given (visitByPaths), in its order. */
export function checkArgsWithPaths(args: readonly string[]): void {
  if (args.length === 0) return;
  if (args.some((a) => a.includes("/"))) throw new UsageError("resource/name arguments cannot be provided when a path is specified");
  throw new UsageError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
}

/**
 * The objects the files name, unchecked (kubectl reads them with validation off), the namespace
 * filled in from -n or checked against it. The builder's order: a missing path fails first, then
 * resource arguments beside the paths.
 */
export function readFileItems(
  files: FilenameOptions,
  args: readonly string[],
  ns: { namespace: string; explicitNamespace: boolean },
  env: Pick<VerbEnv, "cwd" | "readStdin">,
): { items: ManifestItem[]; single: boolean } {
  const sources = readSources(files, env);
  checkArgsWithPaths(args);
  const items = manifestItems(sources, { validate: false, namespace: ns.namespace, explicitNamespace: ns.explicitNamespace });
  return { items, single: singleItemImplied(files, sources) };
}

/** Whether the files imply one object (one regular file, not a folder or stdin): output then prints it alone, not a List. */
export function singleItemImplied(files: FilenameOptions, sources: readonly ManifestSource[]): boolean {
  const [only] = files.filenames;
  return files.filenames.length === 1 && only !== "-" && sources.length === 1 && sources[0].source === only;
}

/** Each item's object as the server holds it now; `latest` false takes the file's own (describe fetches later). */
export function fetchFileObjects(api: ApiServer, items: readonly ManifestItem[], labelSelector: string, latest = true): FileObjects {
  const selector = parseLabelSelector(labelSelector);
  const found: FileObject[] = [];
  const errors: unknown[] = [];
  for (const item of items) {
    if (!item.object || !item.info) {
      errors.push(item.error);
      continue;
    }
    const { info } = item;
    const name = item.object.metadata.name ?? "";
    const object = latest ? api.tryGet(info.kind, info.namespaced ? (item.object.metadata.namespace ?? "") : "", name) : item.object;
    if (!object) errors.push(notFound(pluralDotGroup(info), name));
    else if (!selector || matches(selector, object.metadata.labels)) found.push({ info, object });
  }
  return { found, errors };
}

function parseLabelSelector(text: string): Selector | undefined {
  if (text === "") return undefined;
  try {
    return parseSelector(text);
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    throw new UsageError(`the provided selector "${text}" is not valid: ${err.message}`);
  }
}
