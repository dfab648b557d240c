// What a file-driven verb prints per object: the resource/name line with its operation and
// dry-run suffix, or the object under -o (kubectl's YAML printer separates objects with `---`).

import type { KubeObject } from "../../api/types";
import { printObjects } from "../../printers/formats/index";
import type { DryRun } from "../flags/dry-run";
import { successLine } from "../flags/result";
import type { IOStreams } from "../verb";

export class ResultPrinter {
  private count = 0;
  private readonly output: string;
  private readonly dryRun: DryRun;
  private readonly io: IOStreams;

  constructor(output: string, dryRun: DryRun, io: IOStreams) {
    this.output = output;
    this.dryRun = dryRun;
    this.io = io;
  }

  print(obj: KubeObject, operation: string): void {
    this.count++;
    if (this.output === "") {
      this.io.out.write(successLine(obj, operation, this.dryRun));
      return;
    }
    const sep = this.output === "yaml" && this.count > 1 ? "---\n" : "";
    this.io.out.write(sep + printObjects(this.output, [obj], { single: true }));
  }
}
