// The non-human path of `kubectl get` (get.go printGeneric): one object when exactly one name
// was asked for, otherwise every object in a `kind: List`, handed to the format printers.

import type { KubeObject } from "../../../api/types";
import type { OutputFormat } from "../../flags/output";
import { formatText } from "../../flags/output";
import { printObjects } from "../../../printers/formats/index";

export interface GenericOptions {
  /** IntoSingleItemImplied: one name was requested, so the object prints without a List. */
  readonly single: boolean;
  readonly noHeaders: boolean;
}

export function printGeneric(format: OutputFormat, objects: readonly KubeObject[], o: GenericOptions): string {
  return printObjects(formatText(format), objects, { single: o.single, noHeaders: o.noHeaders, forGet: true });
}
