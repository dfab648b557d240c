// describe configmap (reference §2.9). Keys print in sorted order (kubectl's are Go-map random).

import type { KubeObject } from "../../api/types";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

/** Decoded length of a base64 value, as len([]byte) of binaryData. */
const decodedBytes = (b64: string): number => Buffer.from(b64, "base64").length;

export function describeConfigMap(cm: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const data = (cm.data as Record<string, string> | undefined) ?? {};
  const binary = (cm.binaryData as Record<string, string> | undefined) ?? {};
  w.line(0, `Name:\t${cm.metadata.name}`);
  w.line(0, `Namespace:\t${cm.metadata.namespace}`);
  labelsMultiline(w, "Labels", cm.metadata.labels);
  annotationsMultiline(w, "Annotations", cm.metadata.annotations);
  w.write(0, "\nData\n====\n");
  for (const k of Object.keys(data).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${data[k]}\n`);
    w.write(0, "\n");
  }
  w.write(0, "\nBinaryData\n====\n");
  for (const k of Object.keys(binary).sort()) w.write(0, `${k}: ${decodedBytes(binary[k])} bytes\n`);
  w.write(0, "\n");
  describeEvents(w, eventsFor(cm, ctx.view), ctx.now);
  return w.done();
}
