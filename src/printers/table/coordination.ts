// Leases (NAME HOLDER AGE) and ControllerRevisions (NAME CONTROLLER REVISION AGE), as the
// API server prints them (printLease, printControllerRevision).

import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

export const leaseTable: TableHandler = {
  kind: "Lease",
  columns: [{ name: "NAME" }, { name: "HOLDER" }, { name: "AGE" }],
  row: (l, now) => [nameOf(l), l.spec?.holderIdentity ?? "", age(l.metadata.creationTimestamp, now)],
};

export const controllerRevisionTable: TableHandler = {
  kind: "ControllerRevision",
  columns: [{ name: "NAME" }, { name: "CONTROLLER" }, { name: "REVISION" }, { name: "AGE" }],
  row(cr, now) {
    const owner = (cr.metadata.ownerReferences ?? []).find((o) => o.controller);
    const controller = owner ? `${owner.kind.toLowerCase()}.${owner.apiVersion.split("/")[0]}/${owner.name}` : "<none>";
    return [nameOf(cr), controller, String((cr as any).revision ?? 0), age(cr.metadata.creationTimestamp, now)];
  },
};

export const priorityClassTable: TableHandler = {
  kind: "PriorityClass",
  columns: [{ name: "NAME" }, { name: "VALUE" }, { name: "GLOBAL-DEFAULT" }, { name: "AGE" }, { name: "PREEMPTIONPOLICY" }],
  row(pc, now) {
    const p = pc as any;
    return [nameOf(pc), String(p.value ?? 0), String(p.globalDefault ?? false), age(pc.metadata.creationTimestamp, now), p.preemptionPolicy ?? "PreemptLowerPriority"];
  },
};
