// EndpointSlices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. printEndpointSlice with
// formatDiscoveryPorts and formatDiscoveryEndpoints (pkg/printers/internalversion, v1.32):
// the first 3 entries, then " + N more...", or "<unset>" when there are none. ENDPOINTS lists
// every address, ready or not.

import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

const MAX = 3;

/** listWithMoreString. */
function listWithMore(items: readonly string[]): string {
  const ret = items.slice(0, MAX).join(",");
  if (items.length > MAX) return `${ret} + ${items.length - MAX} more...`;
  return ret === "" ? "<unset>" : ret;
}

export function formatDiscoveryPorts(ports: readonly any[] | null | undefined): string {
  return listWithMore((ports ?? []).map((p) => (typeof p.port === "number" ? String(p.port) : (p.name ?? "*"))));
}

export function formatDiscoveryEndpoints(endpoints: readonly any[] | null | undefined): string {
  return listWithMore((endpoints ?? []).flatMap((ep) => (ep.addresses ?? []) as string[]));
}

export const endpointSliceTable: TableHandler = {
  kind: "EndpointSlice",
  columns: [{ name: "NAME" }, { name: "ADDRESSTYPE" }, { name: "PORTS" }, { name: "ENDPOINTS" }, { name: "AGE" }],
  row: (slice, now) => [
    nameOf(slice),
    String((slice as any).addressType ?? ""),
    formatDiscoveryPorts((slice as any).ports),
    formatDiscoveryEndpoints((slice as any).endpoints),
    age(slice.metadata.creationTimestamp, now),
  ],
};
