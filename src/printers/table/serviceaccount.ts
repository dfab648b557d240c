// ServiceAccounts: NAME SECRETS AGE. printServiceAccount.

import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

export const serviceAccountTable: TableHandler = {
  kind: "ServiceAccount",
  columns: [{ name: "NAME" }, { name: "SECRETS" }, { name: "AGE" }],
  row: (sa, now) => [nameOf(sa), String(((sa.secrets as unknown[] | undefined) ?? []).length), age(sa.metadata.creationTimestamp, now)],
};
