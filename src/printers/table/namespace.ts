// Namespaces: NAME STATUS AGE. printNamespace.

import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

export const namespaceTable: TableHandler = {
  kind: "Namespace",
  columns: [{ name: "NAME" }, { name: "STATUS" }, { name: "AGE" }],
  row: (ns, now) => [nameOf(ns), ns.status?.phase ?? "", age(ns.metadata.creationTimestamp, now)],
};
