// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [args...] (staging/src/k8s.io/kubectl/
// pkg/cmd/exec/exec.go): runs the command in the container's shell interpreter and filesystem
// (kubelet/exec.ts) at the current simulated instant; its output streams as is, its exit code is
// kubectl's, and what it changed in the container (files) is kept in the runtime record.

import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import { viewOf } from "../../api/store/view";
import type { Duration } from "../../sim/time";
import { execInContainer } from "../../kubelet/exec";
import { openShell, promptOf, runLine } from "../../kubelet/exec-session";
import { notRunningError } from "../../kubelet/open-container";
import type { Cluster } from "../../sim/cluster";
import type { KubeObject } from "../../api/types";
import type { RuntimeWrite } from "../../controllers/types";
import type { IOStreams, VerbEnv } from "../verb";
import { duration } from "../../sim/time";
import { sortOptions } from "../generators/output";
import { trackArgsLenAtDash } from "../generators/args-at-dash";
import { durationFlag } from "../flags/duration";
import { forAttach, pickPod } from "./logs/pick-pod";
import { defaultContainer, hasContainer } from "./logs/default-container";

interface Flags {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
  podRunningTimeout?: string;
  argsLenAtDash?: number;
}

interface Options {
  target: string;
  command: string[];
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  podRunningTimeout: Duration;
  namespace: string;
}

const SHELLS = new Set(["sh", "bash", "ash", "dash"]);

/**
 * The command with its standard input: a shell without a script reads its commands from stdin,
 * so `… | exec -i POD -- sh` runs as `sh -c <stdin>`. Other programs (and no -i) get no input.
 */
export function withStdin(command: string[], input: string | undefined): string[] {
  const prog = command[0] ?? "";
  if (input === undefined || command.length !== 1 || !SHELLS.has(prog.slice(prog.lastIndexOf("/") + 1))) return command;
  return [prog, "-c", input];
}

const HINT = { hint: "See 'kubectl exec -h' for help and examples" };

export default defineVerb<Flags, Options>({
  name: "exec",
  help: {
    short: "Execute a command in a container",
    long: "Execute a command in a container.",
    example: `  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date
  
  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il
  
  # List contents of /usr from the first container of pod mypod and sort by modification time
  # If the command you want to execute in the pod has any flags in common (e.g. -i),
  # you must use two dashes (--) to separate your command's flags/arguments
  # Also note, do not surround your command and its flags/arguments with quotes
  # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
  kubectl exec mypod -i -t -- ls -t /usr
  
  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
  kubectl exec deploy/mydeployment -- date
  
  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
  kubectl exec svc/myservice -- date`,
    usage: "exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]",
  },
  define(cmd) {
    cmd.option(
      "-c, --container <name>",
      "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
      "",
    );
    cmd.option("--pod-running-timeout <duration>", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", "1m0s");
    cmd.option("-q, --quiet", "Only print output from the remote session", false);
    cmd.option("-i, --stdin", "Pass stdin to the container", false);
    cmd.option("-t, --tty", "Stdin is a TTY", false);
    cmd.argument("[args...]");
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    const dash = flags.argsLenAtDash ?? -1;
    if (args.length === 0 || dash === 0) throw new UsageError("pod, type/name or --filename must be specified");
    if (dash < 0 && args.length > 1) throw new UsageError("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead", HINT);
    return {
      target: args[0],
      command: dash < 0 ? [] : args.slice(dash),
      container: flags.container ?? "",
      stdin: Boolean(flags.stdin),
      tty: Boolean(flags.tty),
      quiet: Boolean(flags.quiet),
      podRunningTimeout: durationFlag(flags.podRunningTimeout ?? "1m0s", "--pod-running-timeout", "exec"),
      namespace: env.namespace,
    };
  },
  validate(o) {
    if (o.command.length === 0) throw new UsageError("you must specify at least one command for the container");
    if (o.podRunningTimeout <= 0) throw new UsageError("--pod-running-timeout must be higher than zero", { hint: "See 'kubectl exec -h' for help and examples" });
  },
  // Each session locks the state file only while it runs: an interactive shell waits for typed
  // lines without holding it, so other commands go on meanwhile.
  needsCluster: false,
  async run(o, _none, io, env) {
    const { withCluster } = await import("../session");
    if (!(o.stdin && o.tty && io.isTTY && isInteractiveShell(o.command))) return withCluster(env, (c) => execOnce(o, c, io, env));
    const opened = await withCluster(env, (c) => {
      const { pod, container } = findContainer(o, c, io);
      const session = openShell(viewOf(c.store, c.runtime), pod, container, o.command, c.now);
      if ("error" in session) throw new UsageError(session.error);
      return { ref: { namespace: pod.metadata.namespace ?? "", name: pod.metadata.name ?? "" }, container, session };
    });
    let session = opened.session;
    io.out.write(promptOf(session));
    for (;;) {
      const line = await env.readLine();
      if (line === undefined) {
        // End of input (^D): the shell exits with the status of its last command.
        io.out.write(session.kind === "bash" ? "exit\n" : "\n");
        return terminated(session.state.shell.status, io);
      }
      const step = await withCluster(env, (c) => {
        const pod = c.store.get(`Pod/${opened.ref.namespace}/${opened.ref.name}`);
        const r = pod ? runLine(viewOf(c.store, c.runtime), pod, opened.container, session, line, c.now) : { error: notRunningError(opened.container) };
        if (!("error" in r)) storeRuntime(c, r.runtime);
        return r;
      }, { tick: duration(0) });
      if ("error" in step) throw new UsageError(step.error);
      for (const chunk of step.output) (chunk.stream === "stderr" ? io.err : io.out).write(chunk.text);
      session = step.session;
      if (step.exitCode !== undefined) {
        if (session.kind === "bash") io.out.write("exit\n");
        return terminated(step.exitCode, io);
      }
      io.out.write(step.prompt);
    }
  },
});

/** A shell with no script to run (`sh`, `bash -il`): it reads its commands from the terminal. */
function isInteractiveShell(command: readonly string[]): boolean {
  const prog = command[0] ?? "";
  return SHELLS.has(prog.slice(prog.lastIndexOf("/") + 1)) && command.slice(1).every((a) => /^-[a-z]+$/.test(a) && !a.includes("c"));
}

/** The pod and container the command runs in, checked as kubectl checks them. */
function findContainer(o: Options, c: Cluster, io: IOStreams): { pod: KubeObject; container: string } {
  const { pod } = pickPod(c, o.target, o.namespace, o.podRunningTimeout, forAttach);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw new UsageError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = defaultContainer(pod, o.container, io.err, o.quiet);
  if (!hasContainer(pod, container)) throw new UsageError(`container ${container} not found in pod ${pod.metadata.name}`);
  return { pod, container };
}

/** Keeps what a command changed in the container; the state file is saved when the fingerprint changes. */
function storeRuntime(c: Cluster, runtime: readonly RuntimeWrite[]): void {
  for (const w of runtime) {
    if (w.record === undefined) c.runtime.delete(w.podUid);
    else c.runtime.set(w.podUid, w.record);
  }
  if (runtime.length > 0) c.runtimeWrites++;
}

/** kubectl's ending: a non-zero exit is reported and passed through. */
function terminated(code: number, io: IOStreams): number {
  if (code !== 0) io.err.write(`command terminated with exit code ${code}\n`);
  return code;
}

/** A command run once to its end, its output streamed as is (stdin piped in with -i). */
function execOnce(o: Options, c: Cluster, io: IOStreams, env: VerbEnv): number {
  const { pod, container } = findContainer(o, c, io);
  // StreamOptions.SetupTTY: a TTY needs stdin, and stdin that is a terminal.
  if (o.stdin && o.tty && !io.isTTY && !o.quiet) io.err.write("Unable to use a TTY - input is not a terminal or the right kind of file\n");
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])] as { name: string; state?: { running?: object } }[];
  if (!statuses.find((s) => s.name === container)?.state?.running) throw new UsageError(notRunningError(container));
  const input = o.stdin && !io.isTTY ? env.readStdin().toString("utf8") : undefined;
  const result = execInContainer(viewOf(c.store, c.runtime), pod, container, withStdin(o.command, input), c.now);
  if (result.error !== undefined) throw new UsageError(result.error);
  for (const chunk of result.output) (chunk.stream === "stderr" ? io.err : io.out).write(chunk.text);
  storeRuntime(c, result.runtime);
  return terminated(result.exitCode, io);
}
