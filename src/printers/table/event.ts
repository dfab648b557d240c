// Events (`kubectl get events`): LAST SEEN TYPE REASON OBJECT [SUBOBJECT SOURCE] MESSAGE
// [FIRST SEEN COUNT NAME]. printEvent; the wide columns sit around MESSAGE.

import type { KubeObject } from "../../api/types";
import { age } from "../age";
import type { TableHandler } from "./types";

/** formatEventSource: "component[, host]", falling back to the reporting controller/instance. */
export function eventSource(ev: KubeObject): string {
  const source = (ev.source as any) ?? {};
  const component = source.component || (ev.reportingController as string) || "";
  const instance = source.host || (ev.reportingInstance as string) || "";
  return instance ? `${component}, ${instance}` : component;
}

export const eventTable: TableHandler = {
  kind: "Event",
  columns: [
    { name: "LAST SEEN" },
    { name: "TYPE" },
    { name: "REASON" },
    { name: "OBJECT" },
    { name: "SUBOBJECT", wide: true },
    { name: "SOURCE", wide: true },
    { name: "MESSAGE" },
    { name: "FIRST SEEN", wide: true },
    { name: "COUNT", wide: true },
    { name: "NAME", wide: true },
  ],
  row(ev, now) {
    const e = ev as any;
    const first = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
    let last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
    let count: number = e.count ?? 0;
    if (e.series) {
      last = age(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    } else if (count === 0) count = 1;
    const involved = e.involvedObject ?? {};
    const kind = String(involved.kind ?? "").toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [
      last,
      e.type ?? "",
      e.reason ?? "",
      target,
      involved.fieldPath ?? "",
      eventSource(ev),
      String(e.message ?? "").trim(),
      first,
      String(count),
      ev.metadata.name ?? "",
    ];
  },
};
