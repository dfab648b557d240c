// Cell helpers the per-kind handlers share (the API server's printers.go helpers).

import type { KubeObject } from "../../api/types";
import { formatSelector, fromLabelSelector } from "../../api/selectors";

/** layoutContainerCells: container names and images, each joined by ",". */
export function containerCells(podSpec: any): [string, string] {
  const containers: any[] = podSpec?.containers ?? [];
  return [containers.map((c) => c.name ?? "").join(","), containers.map((c) => c.image ?? "").join(",")];
}

/** metav1.FormatLabelSelector: "<none>" when empty. */
export function selectorCell(sel: any): string {
  return formatSelector(fromLabelSelector(sel));
}

/** A Go int32 field printed with %d: absent prints 0. */
export function num(v: unknown): string {
  return typeof v === "number" ? String(v) : "0";
}

export function nameOf(obj: KubeObject): string {
  return obj.metadata.name ?? "";
}

/** The Ready-style pair "3/5". */
export function ratio(a: unknown, b: unknown): string {
  return `${num(a)}/${num(b)}`;
}
