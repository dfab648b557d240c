// A manifest file's text → its documents as JSON values, as kubectl's YAMLOrJSONDecoder reads
// it (k8s.io/apimachinery/pkg/util/yaml/decoder.go): text starting with `{` is a JSON stream,
// anything else YAML split at `---` lines and converted document by document with
// sigs.k8s.io/yaml's YAML 1.1 rules (yes/no are booleans, 0777 is octal, timestamps stay
// strings, `<<` merges). Empty and `null` documents are skipped. The first syntax error ends
// the file: the documents before it are kept, as kubectl's StreamVisitor keeps them.

import type { Document, Node } from "yaml";
import { Alias, isAlias, parseDocument, visit } from "yaml";
import { goYamlMessage } from "./yaml-errors";
import { splitJsonStream } from "./json-stream";

/** yaml.v2's limit is a ratio; 100 aliases is the `yaml` package's equivalent guard. */
export const MAX_ALIAS_COUNT = 100;

export interface DecodedText {
  /** Every non-empty document before the first error, as plain JSON values. */
  readonly docs: unknown[];
  /** `error parsing x.yaml: …` when a document could not be read. */
  readonly error?: string;
}

export function decodeManifestText(text: string, source: string): DecodedText {
  if (text.trimStart().startsWith("{")) {
    const r = splitJsonStream(text);
    const docs = r.values.filter((v) => v !== null);
    return r.error ? { docs, error: `error parsing ${source}: ${r.error}` } : { docs };
  }
  const docs: unknown[] = [];
  for (const chunk of splitYamlDocuments(text)) {
    const r = yamlToJson(chunk);
    if ("error" in r) return { docs, error: `error parsing ${source}: error converting YAML to JSON: ${r.error}` };
    if (r.value !== null && r.value !== undefined) docs.push(r.value);
  }
  return { docs };
}

/** YAMLReader.Read: a line starting `---` followed by nothing but blanks or a comment separates documents. */
export function splitYamlDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith("---")) {
      const rest = line.slice(3).trim();
      if (rest === "" || rest.startsWith("#")) {
        docs.push(current.join(""));
        current = [];
        continue;
      }
    }
    current.push(line);
  }
  docs.push(current.join(""));
  return docs;
}

/**
 * What yaml.v2's reader refuses (readerc.go): every character outside YAML's printable set,
 * e.g. NUL, other C0 controls, DEL and C1 controls. Invalid UTF-8 is no such character: the
 * file is read as U+FFFD there, as kubectl's JSON encoding also turns it into U+FFFD.
 */
const YAML_CONTROL_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** One YAML document → its JSON value, or Go yaml's error text. */
export function yamlToJson(text: string): { value: unknown } | { error: string } {
  if (YAML_CONTROL_CHARACTER.test(text)) return { error: "yaml: control characters are not allowed" };
  const doc = parseDocument(text, {
    version: "1.1",
    merge: true,
    uniqueKeys: false,
    customTags: (tags) => tags.filter((t) => typeof t === "object" && t.tag !== "tag:yaml.org,2002:timestamp"),
  });
  if (doc.errors.length > 0) return { error: goYamlMessage(doc.errors[0], text) };
  const cyclic = selfContainingAnchor(doc);
  if (cyclic) return { error: `yaml: anchor '${cyclic}' value contains itself` };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const msg = (e as Error).message;
    if (/Excessive alias count/.test(msg)) return { error: "yaml: document contains excessive aliasing" };
    const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(msg);
    if (unresolved) return { error: `yaml: unknown anchor '${unresolved[1]}' referenced` };
    return { error: `yaml: ${msg}` };
  }
}

/** The name of an anchor whose node contains an alias to itself (`a: &a [*a]`), if any. */
function selfContainingAnchor(doc: Document): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Alias(_key, node: Alias, path) {
      if (path.some((p) => (p as Node).anchor === node.source && !isAlias(p))) {
        found = node.source;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
