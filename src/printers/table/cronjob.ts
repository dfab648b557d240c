// CronJobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE
// (+ CONTAINERS IMAGES SELECTOR). printCronJob.

import { age } from "../age";
import { containerCells, nameOf, selectorCell } from "./cells";
import type { TableHandler } from "./types";

/** printBoolPtr: "True"/"False", "<unset>" when absent. */
const boolPtr = (v: unknown): string => (typeof v === "boolean" ? (v ? "True" : "False") : "<unset>");

export const cronJobTable: TableHandler = {
  kind: "CronJob",
  columns: [
    { name: "NAME" },
    { name: "SCHEDULE" },
    { name: "TIMEZONE" },
    { name: "SUSPEND" },
    { name: "ACTIVE" },
    { name: "LAST SCHEDULE" },
    { name: "AGE" },
    { name: "CONTAINERS", wide: true },
    { name: "IMAGES", wide: true },
    { name: "SELECTOR", wide: true },
  ],
  row(cj, now) {
    const last = cj.status?.lastScheduleTime;
    return [
      nameOf(cj),
      cj.spec?.schedule ?? "",
      cj.spec?.timeZone ?? "<none>",
      boolPtr(cj.spec?.suspend),
      String((cj.status?.active ?? []).length),
      last ? age(last, now) : "<none>",
      age(cj.metadata.creationTimestamp, now),
      ...containerCells(cj.spec?.jobTemplate?.spec?.template?.spec),
      selectorCell(cj.spec?.jobTemplate?.spec?.selector),
    ];
  },
};
