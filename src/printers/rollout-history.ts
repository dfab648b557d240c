// What `kubectl rollout history` prints after the resource/name line: the REVISION /
// CHANGE-CAUSE table (the describe writer, padding 2) or one revision's pod template in the
// describe layout *without* alignment (literal TABs). Port of the printing half of
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go (v1.32).

import { describePodTemplate } from "./describe/containers";
import { PrefixWriter } from "./describe/render";
import { DESCRIBE_WRITER, tabwrite } from "./tabwriter";

export interface RevisionRow {
  readonly revision: number;
  /** The kubernetes.io/change-cause recorded for that revision, if any. */
  readonly changeCause?: string;
}

export const NO_HISTORY = "No rollout history found.";

/** The table of a Deployment's or DaemonSet's revisions, ascending; ends with a newline. */
export function historyTable(rows: readonly RevisionRow[]): string {
  if (rows.length === 0) return NO_HISTORY;
  const sorted = [...rows].sort((a, b) => a.revision - b.revision);
  const text = "REVISION\tCHANGE-CAUSE\n" + sorted.map((r) => `${r.revision}\t${r.changeCause || "<none>"}\n`).join("");
  return tabwrite(text, DESCRIBE_WRITER);
}

/**
 * The raw PrefixWriter text: kubectl's printTemplate writes DescribePodTemplate straight into a
 * buffer, so the TABs stay. Upstream passes the indent in the title ("  Labels"), which makes
 * continuation lines a bare TAB; our shared describer passes it as an indent ("  " + TAB), which
 * a tabwriter aligns identically, so only this unaligned output has to undo it.
 */
class RawWriter extends PrefixWriter {
  raw = "";
  override write(level: number, s: string): void {
    this.raw += "  ".repeat(level) + (level === 0 && s === "  \t" ? "\t" : s);
  }
}

/** printTemplate: `Pod Template:` and its fields, TABs kept; ends with a newline. */
export function revisionTemplate(template: unknown): string {
  const w = new RawWriter();
  describePodTemplate(w, template);
  return w.raw;
}
