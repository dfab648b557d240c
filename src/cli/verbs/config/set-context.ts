// kubectl config set-context [NAME | --current] [--cluster=] [--user=] [--namespace=]:
// `Context "x" created.` or `Context "x" modified.`. --namespace is a global flag in kubesim's
// argv handling (it is the same word), so its value arrives as env.globals.namespace.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import type { KubeconfigContext } from "../../../state/kubeconfig";
import { readKubeconfig, writeKubeconfig } from "../../../state/kubeconfig";

interface Flags {
  cluster?: string;
  current?: boolean;
  user?: string;
}

export interface SetContextOptions {
  readonly name?: string;
  readonly current: boolean;
  readonly cluster?: string;
  readonly user?: string;
  readonly namespace?: string;
}

export default defineVerb<Flags, SetContextOptions>({
  name: "config set-context",
  help: {
    short: "Set a context entry in kubeconfig",
    long: "Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.",
    example: "  # Set the user field on the gce context entry without touching other values\n  kubectl config set-context gce --user=cluster-admin",
    usage: "config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.option("--cluster <cluster>", "cluster for the context entry in kubeconfig");
    cmd.option("--current", "Modify the current context", false);
    cmd.option("--user <user>", "user for the context entry in kubeconfig");
    cmd.argument("[args...]");
  },
  complete(flags, args, env) {
    if (args.length > 1) throw new UsageError(`Unexpected args: [${args.join(" ")}]`);
    return {
      name: args[0],
      current: Boolean(flags.current),
      cluster: flags.cluster ?? env.globals.cluster,
      user: flags.user ?? env.globals.user,
      namespace: env.globals.namespace,
    };
  },
  validate(o) {
    if (o.name && o.current) throw new UsageError("you cannot specify both a context name and --current");
    if (!o.name && !o.current) throw new UsageError("you must specify a non-empty context name or --current");
  },
  run(o, _cluster, io, env) {
    const cfg = readKubeconfig(env.statePath);
    let name = o.name ?? "";
    if (o.current) {
      name = cfg["current-context"];
      if (!name) throw new UsageError("no current context is set");
    }
    const existing = cfg.contexts.find((c) => c.name === name);
    const entry: KubeconfigContext = existing ?? { name, context: { cluster: "", user: "" } };
    if (o.cluster !== undefined) entry.context.cluster = o.cluster;
    if (o.user !== undefined) entry.context.user = o.user;
    if (o.namespace !== undefined) {
      if (o.namespace === "") delete entry.context.namespace;
      else entry.context.namespace = o.namespace;
    }
    if (!existing) cfg.contexts.push(entry);
    writeKubeconfig(env.statePath, cfg);
    io.out.write(`Context "${name}" ${existing ? "modified" : "created"}.\n`);
    return 0;
  },
});
