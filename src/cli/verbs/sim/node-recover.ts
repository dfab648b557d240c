// kubesim sim node recover NAME: the node's kubelet is back. It posts Ready again, the node
// lifecycle controller lifts the not-ready/unreachable taints, and the kubelet finishes the
// deletion of the pods that were evicted while it was away.

import { defineVerb } from "../../verb";
import { recoverNode } from "./node-actions";
import { oneNodeName } from "./node-name";

export default defineVerb<object, { name: string }>({
  name: "sim node recover",
  help: {
    short: "Restart a failed node's kubelet: Ready again",
    long: "Bring back the kubelet of a failed node: it posts Ready status again, the unreachable taints are removed, and pods evicted meanwhile finish terminating.",
    example: "  kubesim sim node recover kubesim-worker",
    usage: "sim node recover NAME",
  },
  define(cmd) {
    cmd.argument("[name...]");
  },
  complete: (_flags, args) => ({ name: oneNodeName(args, "sim node recover") }),
  validate() {},
  run(o, cluster, io) {
    recoverNode(cluster!, cluster!.api.get("Node", "", o.name));
    io.out.write(`node/${o.name} recovered\n`);
    return 0;
  },
});
