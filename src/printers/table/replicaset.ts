// ReplicaSets and ReplicationControllers: NAME DESIRED CURRENT READY AGE
// (+ CONTAINERS IMAGES SELECTOR). printReplicaSet / printReplicationController.

import { formatLabels } from "../../api/selectors";
import { age } from "../age";
import { containerCells, nameOf, num, selectorCell } from "./cells";
import type { Column, TableHandler } from "./types";

const COLUMNS: readonly Column[] = [
  { name: "NAME" },
  { name: "DESIRED" },
  { name: "CURRENT" },
  { name: "READY" },
  { name: "AGE" },
  { name: "CONTAINERS", wide: true },
  { name: "IMAGES", wide: true },
  { name: "SELECTOR", wide: true },
];

export const replicaSetTable: TableHandler = {
  kind: "ReplicaSet",
  columns: COLUMNS,
  row(rs, now) {
    return [
      nameOf(rs),
      num(rs.spec?.replicas),
      num(rs.status?.replicas),
      num(rs.status?.readyReplicas),
      age(rs.metadata.creationTimestamp, now),
      ...containerCells(rs.spec?.template?.spec),
      selectorCell(rs.spec?.selector),
    ];
  },
};

/** A ReplicationController's selector is a plain map. */
export const replicationControllerTable: TableHandler = {
  kind: "ReplicationController",
  columns: COLUMNS,
  row(rc, now) {
    return [
      nameOf(rc),
      num(rc.spec?.replicas),
      num(rc.status?.replicas),
      num(rc.status?.readyReplicas),
      age(rc.metadata.creationTimestamp, now),
      ...containerCells(rc.spec?.template?.spec),
      formatLabels(rc.spec?.selector),
    ];
  },
};
