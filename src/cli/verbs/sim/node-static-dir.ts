// kubesim sim node static-dir NODE: prints (and creates) the node's static pod folder, beside
// the state file. Every *.yaml, *.yml or *.json Pod manifest put there runs on that node as a
// static pod, with a mirror pod `<name>-<node>` in the API.

import { defineVerb } from "../../verb";
import { ensureStaticPodDir } from "../../../state/static-pod-dirs";
import { oneNodeName } from "./node-name";

export default defineVerb<object, { name: string }>({
  name: "sim node static-dir",
  help: {
    short: "Print a node's static pod folder (its kubelet's staticPodPath)",
    long: "Print the folder whose Pod manifests the node's kubelet runs as static pods, creating it if needed. It lives beside the state file. A mirror pod <name>-<node> shows each static pod in the API; deleting it does not stop the pod, removing the file does.",
    example: '  cp manifests/static-pod.yaml "$(kubesim sim node static-dir kubesim-worker)"/\n  kubesim get pods',
    usage: "sim node static-dir NODE",
  },
  define(cmd) {
    cmd.argument("[name...]");
  },
  complete: (_flags, args) => ({ name: oneNodeName(args, "sim node static-dir") }),
  validate() {},
  run(o, cluster, io, env) {
    cluster!.api.get("Node", "", o.name);
    io.out.write(`${ensureStaticPodDir(env.statePath, o.name)}\n`);
    return 0;
  },
});
