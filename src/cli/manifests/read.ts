// Documents → objects, as kubectl's StreamVisitor and the builder's visitors treat them
// (cli-runtime/pkg/resource/visitor.go): with validation on, a document that is not an object
// or lacks apiVersion/kind ends its file with `error validating "x.yaml": …`; without it the
// object is skipped with `unable to decode`. `*List` documents are flattened, the kind is
// mapped to a resource (`resource mapping not found …`), and the namespace is filled in from -n
// or checked against it. Every problem is an item's error; nothing here throws.

import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import { infoForManifest } from "../../api/registry";
import { UsageError } from "../../api/errors";
import { goJson } from "../../api/apply/last-applied";
import type { ManifestSource } from "../flags/read-sources";
import { decodeManifestText } from "./decode";
import { deepCopy } from "../../api/deep-copy";

export interface ManifestItem {
  readonly source: string;
  readonly object?: KubeObject;
  readonly info?: ResourceInfo;
  readonly error?: Error;
}

export interface ReadContext {
  /** --validate other than false/ignore: check apiVersion and kind before anything is sent. */
  readonly validate: boolean;
  readonly namespace: string;
  readonly explicitNamespace: boolean;
}

const IGNORE_HINT = "; if you choose to ignore these errors, turn validation off with --validate=false";

export function manifestItems(sources: readonly ManifestSource[], ctx: ReadContext): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const { source, text } of sources) {
    const decoded = decodeManifestText(text, source);
    let stopped = false;
    for (const doc of decoded.docs) {
      const problem = ctx.validate ? schemaProblem(doc) : undefined;
      if (problem) {
        items.push({ source, error: new UsageError(`error validating "${source}": error validating data: ${problem}${IGNORE_HINT}`) });
        stopped = true;
        break;
      }
      for (const obj of flatten(doc)) items.push(toItem(obj, source, ctx));
    }
    if (decoded.error && !stopped) {
      items.push({ source, error: new UsageError(decoded.error) });
    }
  }
  return items;
}

/** paramVerifyingSchema's first checks: an object with apiVersion and kind. */
function schemaProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return "invalid object to validate";
  const missing = [!doc.apiVersion && "apiVersion not set", !doc.kind && "kind not set"].filter(Boolean) as string[];
  if (missing.length === 0) return undefined;
  return missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
}

/** A `kind: List` (or any `*List` with items) stands for its items. */
function flatten(doc: unknown): unknown[] {
  if (isObject(doc) && typeof doc.kind === "string" && doc.kind.endsWith("List") && Array.isArray(doc.items)) {
    return doc.items.flatMap(flatten);
  }
  return [doc];
}

function toItem(doc: unknown, source: string, ctx: ReadContext): ManifestItem {
  if (!isObject(doc)) {
    return { source, error: new UsageError(`unable to decode "${source}": json: cannot unmarshal ${goType(doc)} into Go value of type unstructured.detector`) };
  }
  if (!doc.kind) return { source, error: new UsageError(`unable to decode "${source}": Object 'Kind' is missing in '${goJson(doc)}'`) };
  const obj = deepCopy(doc) as unknown as KubeObject;
  if (!isObject(obj.metadata)) obj.metadata = {};
  const apiVersion = String(obj.apiVersion ?? "");
  const kind = String(obj.kind);
  const info = infoForManifest(apiVersion, kind);
  if (!info) {
    const where = `name: "${obj.metadata.name ?? ""}" namespace: "${obj.metadata.namespace ?? ""}" from "${source}"`;
    return {
      source,
      error: new UsageError(`resource mapping not found for ${where}: no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`),
    };
  }
  if (info.namespaced) {
    const ns = obj.metadata.namespace;
    if (!ns) obj.metadata.namespace = ctx.namespace;
    else if (ctx.explicitNamespace && ns !== ctx.namespace) {
      return {
        source,
        error: new UsageError(
          `the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
        ),
      };
    }
  }
  return { source, object: obj, info };
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function goType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}
