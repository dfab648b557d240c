// kubesim sim node add NAME [--cpu N] [--memory Q] [--labels k=v,...] [--taints k=v:Effect,...]:
// a new machine joins the cluster and its kubelet registers a Ready node, with the next pod CIDR.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { parseQuantity } from "../../../api/quantity";
import type { NodeShape } from "../../../state/default-node";
import { addNode } from "./node-actions";
import { oneNodeName } from "./node-name";

interface Flags {
  cpu?: string;
  memory?: string;
  labels?: string;
  taints?: string;
}
interface Options {
  name: string;
  shape: NodeShape;
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export default defineVerb<Flags, Options>({
  name: "sim node add",
  help: {
    short: "Add a node whose kubelet registers it Ready",
    long: "Add a node to the simulated cluster, shaped like the default ones (4 CPU, 8Gi memory, 110 pods) unless --cpu or --memory say otherwise. It gets the next pod CIDR and address, and DaemonSets and pending pods see it at once.",
    example:
      "  # A bigger worker\n  kubesim sim node add kubesim-worker3 --cpu 8 --memory 16Gi\n\n  # A labelled, tainted node\n  kubesim sim node add gpu-node --labels accelerator=nvidia --taints gpu=true:NoSchedule",
    usage: "sim node add NAME [--cpu N] [--memory QUANTITY] [--labels k=v,...] [--taints k=v:Effect,...]",
  },
  define(cmd) {
    cmd.argument("[name...]");
    cmd.option("--cpu <n>", "CPU capacity of the node.", "4");
    cmd.option("--memory <quantity>", "Memory capacity of the node.", "8Gi");
    cmd.option("--labels <k=v,...>", "Labels to add to the node.");
    cmd.option("--taints <k=v:Effect,...>", "Taints to put on the node.");
  },
  complete(flags, args) {
    const name = oneNodeName(args, "sim node add");
    return { name, shape: { cpu: cpu(flags.cpu ?? "4"), memory: memory(flags.memory ?? "8Gi"), labels: labels(flags.labels), taints: taints(flags.taints) } };
  },
  validate() {},
  run(o, cluster, io) {
    const node = addNode(cluster!, o.name, o.shape);
    io.out.write(`node/${node.metadata.name} added\n`);
    return 0;
  },
});

function cpu(text: string): string {
  const v = parseQuantity(text);
  if (v === undefined || v <= 0) throw new UsageError(`invalid --cpu "${text}": expected a positive quantity such as 4 or 2500m`);
  return text;
}

/** The kubelet reports memory in Ki. */
function memory(text: string): string {
  const v = parseQuantity(text);
  if (v === undefined || v < 1024) throw new UsageError(`invalid --memory "${text}": expected a quantity such as 8Gi or 16384Mi`);
  return `${Math.floor(v / 1024)}Ki`;
}

function labels(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(",").filter((p) => p !== "")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`invalid --labels "${text}": expected k=v pairs separated by commas`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function taints(text: string | undefined): NodeShape["taints"] {
  if (text === undefined) return undefined;
  return text
    .split(",")
    .filter((t) => t !== "")
    .map((t) => {
      const m = /^([^=:]+)(?:=([^:]*))?:([A-Za-z]+)$/.exec(t);
      if (!m || !EFFECTS.includes(m[3])) {
        throw new UsageError(`invalid --taints "${text}": expected key[=value]:Effect with Effect one of ${EFFECTS.join(", ")}`);
      }
      return { key: m[1], ...(m[2] !== undefined && m[2] !== "" ? { value: m[2] } : {}), effect: m[3] };
    });
}
