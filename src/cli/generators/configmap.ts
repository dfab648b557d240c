// The object `kubectl create configmap` builds (create_configmap.go createConfigMap): file
// sources first, then literals, then env files, each key checked as kubectl checks it.

import { readBytes } from "../../state/local-files";
import type { KubeObject } from "../../api/types";
import { isConfigMapKey } from "../../api/validation/dns";
import { UsageError } from "../../api/errors";
import { configMapHash } from "./configmap-hash";
import { envFilePairs, fileSourceEntries, parseLiteralSource, type KeySources } from "./key-sources";

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
  for (const [key, file] of fileSourceEntries(p)) addFile(key, file);
  for (const source of p.literalSources) {
    const [key, value] = parseLiteralSource(source);
    add(key, value);
  }
  for (const [k, v] of envFilePairs(p, "config")) add(k, v);
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

function validateNewKey(name: string, key: string, data: Record<string, string>, binaryData: Record<string, string>): void {
  const errs = isConfigMapKey(key);
  if (errs.length > 0) throw new UsageError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(",")}`);
  if (Object.hasOwn(data, key)) throw new UsageError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
  if (Object.hasOwn(binaryData, key)) {
    throw new UsageError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(name)}`);
  }
}
