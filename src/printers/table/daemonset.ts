// DaemonSets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE
// (+ CONTAINERS IMAGES SELECTOR). printDaemonSet.

import { formatLabels } from "../../api/selectors";
import { age } from "../age";
import { containerCells, nameOf, num, selectorCell } from "./cells";
import type { TableHandler } from "./types";

export const daemonSetTable: TableHandler = {
  kind: "DaemonSet",
  columns: [
    { name: "NAME" },
    { name: "DESIRED" },
    { name: "CURRENT" },
    { name: "READY" },
    { name: "UP-TO-DATE" },
    { name: "AVAILABLE" },
    { name: "NODE SELECTOR" },
    { name: "AGE" },
    { name: "CONTAINERS", wide: true },
    { name: "IMAGES", wide: true },
    { name: "SELECTOR", wide: true },
  ],
  row(ds, now) {
    const s = ds.status ?? {};
    return [
      nameOf(ds),
      num(s.desiredNumberScheduled),
      num(s.currentNumberScheduled),
      num(s.numberReady),
      num(s.updatedNumberScheduled),
      num(s.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(ds.metadata.creationTimestamp, now),
      ...containerCells(ds.spec?.template?.spec),
      selectorCell(ds.spec?.selector),
    ];
  },
};
