// Endpoints: NAME ENDPOINTS AGE. formatEndpoints: ready addresses × ports, the first 3, then
// " + N more...".

import type { KubeObject } from "../../api/types";
import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

const MAX = 3;

const hostPort = (ip: string, port: number): string => (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`);

export function formatEndpoints(ep: KubeObject): string {
  const subsets: any[] = (ep as any).subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: any[] = ss.addresses ?? [];
    const ports: any[] = ss.ports ?? [];
    if (ports.length === 0) {
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      count += addresses.length;
      continue;
    }
    for (const port of ports) {
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(hostPort(a.ip, port.port));
      }
      count += addresses.length;
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export const endpointsTable: TableHandler = {
  kind: "Endpoints",
  columns: [{ name: "NAME" }, { name: "ENDPOINTS" }, { name: "AGE" }],
  row: (ep, now) => [nameOf(ep), formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)],
};
