// The object `kubectl create secret generic` builds (create_secret.go createSecret): literals
// first, then files, then env files, each value base64-encoded under a key checked as kubectl
// checks it. Unlike a config map, a file that is not UTF-8 needs no binaryData.

import type { KubeObject } from "../../api/types";
import { UsageError } from "../../api/errors";
import { isConfigMapKey } from "../../api/validation/dns";
import { readBytes } from "../../state/local-files";
import { secretHash } from "./configmap-hash";
import { envFilePairs, fileSourceEntries, parseLiteralSource, type KeySources } from "./key-sources";
import { goMap } from "./go-typed";

export interface SecretParams extends KeySources {
  readonly name: string;
  /** --type; "" leaves it to the API server (Opaque). */
  readonly type: string;
  readonly namespace?: string;
}

export function buildGenericSecret(p: SecretParams): KubeObject {
  const data: Record<string, string> = {};
  const add = (key: string, value: Buffer) => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) throw new UsageError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(";")}`);
    if (Object.hasOwn(data, key)) throw new UsageError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = value.toString("base64");
  };
  for (const source of p.literalSources) {
    const [key, value] = parseLiteralSource(source);
    add(key, Buffer.from(value, "utf8"));
  }
  for (const [key, file] of fileSourceEntries(p)) add(key, readBytes(file));
  for (const [k, v] of envFilePairs(p, "secret")) add(k, Buffer.from(v, "utf8"));
  const sorted = goMap(data);
  const name = p.appendHash ? `${p.name}-${secretHash(p.name, p.type, sorted)}` : p.name;
  // Go's struct order, as -o json shows it.
  const secret: KubeObject = {
    kind: "Secret",
    apiVersion: "v1",
    metadata: { name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null as unknown as string },
  };
  // Go's omitempty drops an empty map and an empty type.
  if (Object.keys(sorted).length > 0) secret.data = sorted;
  if (p.type !== "") secret.type = p.type;
  return secret;
}
