// Kinds without a dedicated printer get the API server's default table convertor
// (apiserver/pkg/registry/rest/table.go): NAME and CREATED AT (RFC 3339, UTC).

import type { TableHandler } from "./types";

export function defaultTable(kind: string): TableHandler {
  return {
    kind,
    columns: [{ name: "NAME" }, { name: "CREATED AT" }],
    row: (obj) => [obj.metadata.name ?? "", obj.metadata.creationTimestamp ?? "<unknown>"],
  };
}
