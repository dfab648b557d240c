// kubesim sim node delete NAME: the Node object is deleted (the machine is gone). Its pods stay
// until the pod garbage collector removes them, 40s later; their controllers then replace them.

import { defineVerb } from "../../verb";
import { deleteNode } from "./node-actions";
import { oneNodeName } from "./node-name";

export default defineVerb<object, { name: string }>({
  name: "sim node delete",
  help: {
    short: "Delete a node; pod GC removes its pods 40s later",
    long: "Delete a node object, as when a machine is removed from the cluster. Its pods are force-deleted by the pod garbage collector after 40s, and their controllers replace them elsewhere.",
    example: "  kubesim sim node delete kubesim-worker2",
    usage: "sim node delete NAME",
  },
  define(cmd) {
    cmd.argument("[name...]");
  },
  complete: (_flags, args) => ({ name: oneNodeName(args, "sim node delete") }),
  validate() {},
  run(o, cluster, io) {
    const node = cluster!.api.get("Node", "", o.name);
    deleteNode(cluster!, node);
    io.out.write(`node/${o.name} deleted\n`);
    return 0;
  },
});
