// Secrets: NAME TYPE DATA AGE. printSecret.

import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

export const secretTable: TableHandler = {
  kind: "Secret",
  columns: [{ name: "NAME" }, { name: "TYPE" }, { name: "DATA" }, { name: "AGE" }],
  row: (s, now) => [
    nameOf(s),
    String(s.type ?? ""),
    String(Object.keys((s.data as object | undefined) ?? {}).length),
    age(s.metadata.creationTimestamp, now),
  ],
};
