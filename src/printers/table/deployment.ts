// Deployments: NAME READY UP-TO-DATE AVAILABLE AGE (+ CONTAINERS IMAGES SELECTOR). printDeployment.

import { age } from "../age";
import { containerCells, nameOf, num, ratio, selectorCell } from "./cells";
import type { TableHandler } from "./types";

export const deploymentTable: TableHandler = {
  kind: "Deployment",
  columns: [
    { name: "NAME" },
    { name: "READY" },
    { name: "UP-TO-DATE" },
    { name: "AVAILABLE" },
    { name: "AGE" },
    { name: "CONTAINERS", wide: true },
    { name: "IMAGES", wide: true },
    { name: "SELECTOR", wide: true },
  ],
  row(d, now) {
    const s = d.status ?? {};
    return [
      nameOf(d),
      ratio(s.readyReplicas, d.spec?.replicas),
      num(s.updatedReplicas),
      num(s.availableReplicas),
      age(d.metadata.creationTimestamp, now),
      ...containerCells(d.spec?.template?.spec),
      selectorCell(d.spec?.selector),
    ];
  },
};
