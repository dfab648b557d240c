// StatefulSets: NAME READY AGE (+ CONTAINERS IMAGES; no SELECTOR). printStatefulSet.

import { age } from "../age";
import { containerCells, nameOf, ratio } from "./cells";
import type { TableHandler } from "./types";

export const statefulSetTable: TableHandler = {
  kind: "StatefulSet",
  columns: [{ name: "NAME" }, { name: "READY" }, { name: "AGE" }, { name: "CONTAINERS", wide: true }, { name: "IMAGES", wide: true }],
  row(s, now) {
    return [nameOf(s), ratio(s.status?.readyReplicas, s.spec?.replicas), age(s.metadata.creationTimestamp, now), ...containerCells(s.spec?.template?.spec)];
  },
};
