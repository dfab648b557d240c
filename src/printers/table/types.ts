// The table-handler contract: one per kind, like a TableGenerator func in the API server's
// pkg/printers/internalversion. `row` returns every cell, wide ones included, in column order.

import type { KubeObject } from "../../api/types";
import type { Instant } from "../../sim/time";

export interface Column {
  /** As the header prints it (already upper-case). */
  readonly name: string;
  /** Only with `-o wide` (priority 1). */
  readonly wide?: boolean;
}

export interface TableHandler {
  readonly kind: string;
  readonly columns: readonly Column[];
  /**
   * One cell per column; pure: the object and the simulated now in, text out. `wide` is for
   * the few cells whose text differs with -o wide (a LoadBalancer's addresses).
   */
  row(obj: KubeObject, now: Instant, wide?: boolean): string[];
}
