// ConfigMaps: NAME DATA AGE, DATA = keys of data plus binaryData. printConfigMap.

import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

const keys = (m: unknown): number => (m && typeof m === "object" ? Object.keys(m).length : 0);

export const configMapTable: TableHandler = {
  kind: "ConfigMap",
  columns: [{ name: "NAME" }, { name: "DATA" }, { name: "AGE" }],
  row: (cm, now) => [nameOf(cm), String(keys(cm.data) + keys(cm.binaryData)), age(cm.metadata.creationTimestamp, now)],
};
