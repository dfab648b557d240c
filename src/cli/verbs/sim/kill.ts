// kubesim sim kill pod/NAME [-c CONTAINER] [--exit-code N]: a container's main process dies now
// (DESIGN.md, simulation verbs). The exit goes into the kubelet's runtime record
// (kubelet/crash-container.ts); the kubelet notices it at its next relist and restarts the
// container per restartPolicy with the crash-loop back-off.

import { defineVerb } from "../../verb";
import { UsageError, notFound } from "../../../api/errors";
import { viewOf } from "../../../api/store/view";
import { crashContainer, DEFAULT_KILL_EXIT_CODE } from "../../../kubelet/crash-container";
import { KUBELET } from "../../../kubelet/sync-pod";
import { instant } from "../../../sim/time";
import { defaultContainer } from "../logs/default-container";

interface Flags {
  container?: string;
  exitCode?: string;
}

interface Options {
  pod: string;
  container: string;
  exitCode: number;
  namespace: string;
}

const HINT = { hint: "See 'kubesim sim kill -h' for help and examples" };

export default defineVerb<Flags, Options>({
  name: "sim kill",
  help: {
    short: "Make a container crash now",
    long: `Make a container's main process exit now, as if it had crashed or been killed with 'kill -9 1'.

 The exit code is 137 by default (128 + SIGKILL, what a killed process exits with); the container's last state then reads Terminated, reason Error, exit code 137. With --exit-code 0 the reason is Completed. The kubelet notices the exit at its next relist (1s later) and restarts the container as the pod's restartPolicy says (Always: always; OnFailure: unless the exit code is 0; Never: never), with the crash-loop back-off (10s, 20s, 40s, ... up to 5m), so 'kubectl get pods' shows RESTARTS going up and CrashLoopBackOff between restarts.`,
    example: `  # Kill the first container of pod web
  kubesim sim kill pod/web

  # Kill container sidecar of pod web as if it had exited with status 1
  kubesim sim kill pod/web -c sidecar --exit-code 1`,
    usage: "sim kill pod/NAME [-c CONTAINER] [--exit-code N]",
  },
  define(cmd) {
    cmd.option("-c, --container <name>", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation, else the first container in the pod", "");
    cmd.option("--exit-code <code>", "The exit code the container's process ends with (0-255)", String(DEFAULT_KILL_EXIT_CODE));
    cmd.argument("[target...]");
  },
  complete(flags, args, env) {
    if (args.length !== 1) throw new UsageError("expected exactly one pod, e.g. kubesim sim kill pod/web", HINT);
    const target = args[0];
    const slash = target.indexOf("/");
    const type = slash < 0 ? "pod" : target.slice(0, slash);
    if (!["pod", "pods", "po"].includes(type)) throw new UsageError(`sim kill works on pods, not "${type}": e.g. kubesim sim kill pod/web`, HINT);
    const text = flags.exitCode ?? String(DEFAULT_KILL_EXIT_CODE);
    if (!/^\d+$/.test(text) || Number(text) > 255) throw new UsageError(`invalid --exit-code "${text}": expected a number from 0 to 255`, HINT);
    return { pod: slash < 0 ? target : target.slice(slash + 1), container: flags.container ?? "", exitCode: Number(text), namespace: env.namespace };
  },
  validate(o) {
    if (o.pod === "") throw new UsageError("expected exactly one pod, e.g. kubesim sim kill pod/web", HINT);
  },
  run(o, cluster, io) {
    const c = cluster!;
    const pod = c.api.tryGet("Pod", o.namespace, o.pod);
    if (!pod) throw notFound("pods", o.pod);
    const container = defaultContainer(pod, o.container, io.err);
    const result = crashContainer(viewOf(c.store, c.runtime), pod, container, o.exitCode, c.now);
    if (!result.ok) throw new UsageError(result.error);
    for (const w of result.runtime) c.runtime.set(w.podUid, w.record);
    c.runtimeWrites++;
    // The kubelet relists then and acts on the exit (containers.ts).
    c.agenda.add({ due: instant(result.relistAt), component: KUBELET, key: `Pod/${o.namespace}/${o.pod}` });
    io.out.write(`pod/${o.pod} container ${container} killed (exit code ${o.exitCode})\n`);
    return 0;
  },
});
