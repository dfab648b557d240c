// The object `kubectl create configmap` builds (create_configmap.go createConfigMap): file
// sources first, then literals, then env files, each key checked as kubectl checks it.

import { listDirEntries, readBytes, readText, statPath, type FileStats } from "../../state/local-files";
import * as path from "node:path";
import type { KubeObject } from "../../api/types";
import { isConfigMapKey } from "../../api/validation/dns";
import { UsageError } from "../../api/errors";
import { parseEnvFile } from "./env-file";
import { configMapHash } from "./configmap-hash";
import type { KeySources } from "./key-sources";

export interface ConfigMapParams extends KeySources {
  readonly name: string;
  readonly namespace?: string;
}

export function buildConfigMap(p: ConfigMapParams): KubeObject {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const add = (key: string, value: string) => {
    validateNewKey(p.name, key, data, binaryData);
    data[key] = value;
  };
  for (const source of p.fileSources) {
    const [key, filePath] = parseFileSource(source);
    const full = path.resolve(p.cwd, filePath);
    const stat = statOrThrow(full, filePath);
    if (stat.isDirectory()) {
      if (source.includes("=")) throw new UsageError("cannot give a key name for a directory path");
      // ioutil.ReadDir sorts by name; only regular files (not links, not folders) become keys.
      for (const entry of listDirEntries(full).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isFile()) addFile(entry.name, path.join(full, entry.name));
      }
    } else addFile(key, full);
  }
  for (const source of p.literalSources) {
    const [key, value] = parseLiteralSource(source);
    add(key, value);
  }
  for (const source of p.envFileSources) {
    const full = path.resolve(p.cwd, source);
    if (statOrThrow(full, source).isDirectory()) throw new UsageError("env config file cannot be a directory");
    let pairs: [string, string][];
    try {
      pairs = parseEnvFile(readText(full), source, p.env);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    for (const [k, v] of pairs) add(k, v);
  }
  const name = p.appendHash ? `${p.name}-${configMapHash(p.name, data, binaryData)}` : p.name;
  const obj: KubeObject = {
    kind: "ConfigMap",
    apiVersion: "v1",
    metadata: { name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null as unknown as string },
  };
  // Go's omitempty drops the empty maps.
  if (Object.keys(data).length > 0) obj.data = data;
  if (Object.keys(binaryData).length > 0) obj.binaryData = binaryData;
  return obj;

  function addFile(key: string, file: string): void {
    const bytes = readBytes(file);
    const text = new TextDecoder("utf-8", { fatal: true });
    try {
      add(key, text.decode(bytes));
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      validateNewKey(p.name, key, data, binaryData);
      binaryData[key] = bytes.toString("base64");
    }
  }
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split("=").length - 1;
  if (n === 0) return [path.posix.basename(source), source];
  if (n === 1 && source.startsWith("=")) throw new UsageError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith("=")) throw new UsageError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new UsageError("key names or file paths cannot contain '='");
  const [k, v] = source.split("=");
  return [k, v];
}

/** util.ParseLiteralSource: split at the first `=`; a leading `=` or none is an error. */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq <= 0) throw new UsageError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

function validateNewKey(name: string, key: string, data: Record<string, string>, binaryData: Record<string, string>): void {
  const errs = isConfigMapKey(key);
  if (errs.length > 0) throw new UsageError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(",")}`);
  if (key in data) throw new UsageError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
  if (key in binaryData) {
    throw new UsageError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(name)}`);
  }
}

/** os.Stat of a source, failing with kubectl's `error reading <path>: <why>`. */
export function statOrThrow(full: string, shown: string): FileStats {
  try {
    return statPath(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : code === "ENOTDIR" ? "not a directory" : String(code);
    throw new UsageError(`error reading ${shown}: ${why}`);
  }
}
