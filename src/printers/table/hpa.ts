// HorizontalPodAutoscalers: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE.
// printHorizontalPodAutoscaler and formatHPAMetrics (autoscaling/v2 shapes).

import type { KubeObject } from "../../api/types";
import { age } from "../age";
import { nameOf, num } from "./cells";
import type { TableHandler } from "./types";

const MAX_METRICS = 2;
const UNKNOWN = "<unknown>";

/** Resource / ContainerResource: "cpu: 12%/60%", "memory: 120Mi/500Mi". */
function resourceMetric(spec: any, current: any): string {
  const target = spec?.target ?? {};
  if (target.averageValue !== undefined) return `${spec.name}: ${current?.averageValue ?? UNKNOWN}/${target.averageValue}`;
  const cur = typeof current?.averageUtilization === "number" ? `${current.averageUtilization}%` : UNKNOWN;
  const want = typeof target.averageUtilization === "number" ? `${target.averageUtilization}%` : "<auto>";
  return `${spec.name}: ${cur}/${want}`;
}

/** Object / External: "cur/target", with " (avg)" for AverageValue targets. */
function valueMetric(spec: any, current: any): string {
  const target = spec?.target ?? {};
  if (target.averageValue !== undefined) return `${current?.averageValue ?? UNKNOWN}/${target.averageValue} (avg)`;
  return `${current?.value ?? UNKNOWN}/${target.value}`;
}

export function formatHPAMetrics(hpa: KubeObject): string {
  const specs: any[] = hpa.spec?.metrics ?? [];
  const statuses: any[] = hpa.status?.currentMetrics ?? [];
  if (specs.length === 0) return "<none>";
  const list = specs.map((spec, i) => {
    const st = statuses[i];
    switch (spec.type) {
      case "Resource":
        return resourceMetric(spec.resource, st?.resource?.current);
      case "ContainerResource":
        return resourceMetric(spec.containerResource, st?.containerResource?.current);
      case "Pods":
        return `${st?.pods?.current?.averageValue ?? UNKNOWN}/${spec.pods?.target?.averageValue}`;
      case "Object":
        return valueMetric(spec.object, st?.object?.current);
      case "External":
        return valueMetric(spec.external, st?.external?.current);
      default:
        return "<unknown type>";
    }
  });
  if (list.length <= MAX_METRICS) return list.join(", ");
  return `${list.slice(0, MAX_METRICS).join(", ")} + ${list.length - MAX_METRICS} more...`;
}

export const hpaTable: TableHandler = {
  kind: "HorizontalPodAutoscaler",
  columns: [
    { name: "NAME" },
    { name: "REFERENCE" },
    { name: "TARGETS" },
    { name: "MINPODS" },
    { name: "MAXPODS" },
    { name: "REPLICAS" },
    { name: "AGE" },
  ],
  row(hpa, now) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    return [
      nameOf(hpa),
      `${ref.kind ?? ""}/${ref.name ?? ""}`,
      formatHPAMetrics(hpa),
      typeof hpa.spec?.minReplicas === "number" ? String(hpa.spec.minReplicas) : "<unset>",
      num(hpa.spec?.maxReplicas),
      num(hpa.status?.currentReplicas),
      age(hpa.metadata.creationTimestamp, now),
    ];
  },
};
