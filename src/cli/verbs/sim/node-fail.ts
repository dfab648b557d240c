// kubesim sim node fail NAME: the node's kubelet stops posting status. After the 50s grace
// period the node lifecycle controller marks it Unknown (NotReady) and taints it unreachable;
// pods are evicted when their tolerationSeconds (300s by default) run out, and stay
// Terminating while the kubelet is gone.

import { defineVerb } from "../../verb";
import { failNode } from "./node-actions";
import { oneNodeName } from "./node-name";

export default defineVerb<object, { name: string }>({
  name: "sim node fail",
  help: {
    short: "Stop a node's kubelet: NotReady after 50s, pods evicted after 5m",
    long: "Stop the kubelet of a node, as when a machine dies or loses the network. After the node-monitor grace period (50s) the node becomes NotReady (status Unknown) and is tainted node.kubernetes.io/unreachable; its pods are evicted once their tolerationSeconds (300s unless set) have passed, and stay Terminating until the node recovers.",
    example: "  kubesim sim node fail kubesim-worker\n  kubesim sim advance 6m\n  kubesim get pods -o wide",
    usage: "sim node fail NAME",
  },
  define(cmd) {
    cmd.argument("[name...]");
  },
  complete: (_flags, args) => ({ name: oneNodeName(args, "sim node fail") }),
  validate() {},
  run(o, cluster, io) {
    failNode(cluster!, cluster!.api.get("Node", "", o.name));
    io.out.write(`node/${o.name} failed\n`);
    return 0;
  },
});
