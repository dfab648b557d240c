// kubectl cp <file-spec-src> <file-spec-dest> (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go):
// kubectl streams a tar archive through exec (`tar cf - PATH` out of the container, `tar -xmf -
// -C DIR` into it); kubesim reads and writes the container's filesystem directly
// (kubelet/container-files.ts) and the user's files through state/local-files.ts. Success prints
// nothing; tar's messages go to stderr, and a failing tar ends like a failing exec.

import * as path from "node:path";
import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import { viewOf } from "../../api/store/view";
import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../sim/cluster";
import type { Duration } from "../../sim/time";
import type { RuntimeWrite } from "../../controllers/types";
import type { TarEntry, TarResult } from "../../kubelet/container-files";
import { isContainerDir, tarCreate, tarExtract } from "../../kubelet/container-files";
import { listDirEntries, makeDirs, readText, tryStatPath, writeText } from "../../state/local-files";
import { sortOptions } from "../generators/output";
import { forAttach, pickPod } from "./logs/pick-pod";
import { defaultContainer, hasContainer } from "./logs/default-container";

interface Flags {
  container?: string;
  noPreserve?: boolean;
  retries?: string;
}

/** A `[[namespace/]pod:]file/path` argument (extractFileSpec). */
interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

interface Options {
  src: string;
  dest: string;
  container: string;
  namespace: string;
  cwd: string;
}

type Writer = { write(text: string): void };

/** exec's default --pod-running-timeout (unused for a pod named directly). */
const POD_RUNNING_TIMEOUT = 60_000 as Duration;

function extractFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(":");
  if (i === 0) throw new UsageError("filespec must match the canonical format: [[namespace/]pod:]file/path");
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split("/");
  const file = arg.slice(i + 1);
  if (pieces.length === 1) return { pod: pieces[0], file };
  if (pieces.length === 2) return { namespace: pieces[0], pod: pieces[1], file };
  throw new UsageError("filespec must match the canonical format: [[namespace/]pod:]file/path");
}

/** Go's filepath.Clean for the local path kubectl prints. */
const cleanLocal = (p: string): string => (p === "" ? "." : path.normalize(p).replace(/(.)\/+$/, "$1"));

/** The pod and container exec would run in, with exec's errors for a pod that cannot run it. */
function target(c: Cluster, spec: FileSpec, o: Options, err: Writer): { pod: KubeObject; container: string } {
  const { pod } = pickPod(c, spec.pod ?? "", spec.namespace ?? o.namespace, POD_RUNNING_TIMEOUT, forAttach);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw new UsageError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = defaultContainer(pod, o.container, err);
  if (!hasContainer(pod, container)) throw new UsageError(`container ${container} not found in pod ${pod.metadata.name}`);
  return { pod, container };
}

/** tar's stderr, then exec's ending for a failed command; returns the exit code. */
function finish(r: TarResult, err: Writer): number {
  if (r.error !== undefined) throw new UsageError(r.error);
  for (const line of r.stderr) err.write(`${line}\n`);
  if (r.exitCode !== 0) err.write(`command terminated with exit code ${r.exitCode}\n`);
  return r.exitCode;
}

function applyRuntime(c: Cluster, writes: readonly RuntimeWrite[]): void {
  for (const w of writes) {
    if (w.record === undefined) c.runtime.delete(w.podUid);
    else c.runtime.set(w.podUid, w.record);
  }
  // The state file is saved when the cluster's fingerprint changes.
  if (writes.length > 0) c.runtimeWrites++;
}

/** The local file or tree at `full` as archive members (recursiveTar). */
function localEntries(full: string): TarEntry[] {
  const entries: TarEntry[] = [];
  const walk = (p: string, name: string): void => {
    if (tryStatPath(p)?.isDirectory()) {
      const children = listDirEntries(p).map((d) => d.name).sort();
      // recursiveTar writes a header only for an empty directory; tar creates the others as leading directories.
      if (children.length === 0) entries.push({ name, kind: "dir" });
      for (const child of children) walk(path.join(p, child), name === "" ? child : `${name}/${child}`);
    } else {
      entries.push({ name, kind: "file", content: readText(p) });
    }
  };
  walk(full, "");
  return entries;
}

function copyToPod(c: Cluster, src: FileSpec, dest: FileSpec, o: Options, err: Writer): number {
  const local = path.resolve(o.cwd, src.file);
  if (!tryStatPath(local)) throw new UsageError(`${cleanLocal(src.file)} doesn't exist in local filesystem`);
  const { pod, container } = target(c, dest, o, err);
  const view = viewOf(c.store, c.runtime);
  // checkDestinationIsDir: into an existing directory, the source keeps its name.
  let destFile = path.posix.normalize(dest.file);
  if (isContainerDir(view, pod, container, dest.file, c.now)) destFile = path.posix.join(destFile, path.basename(local));
  const dir = path.posix.dirname(destFile);
  const r = tarExtract(view, pod, container, dir, path.posix.basename(destFile), localEntries(local), c.now);
  const code = finish(r, err);
  applyRuntime(c, r.runtime);
  return code;
}

/** os.Create's error as Go words it (`open PATH: no such device or address`). */
function writeLocal(full: string, content: string): void {
  try {
    writeText(full, content);
  } catch (err) {
    const m = /^E[A-Z]+: ([^,]+),/.exec((err as Error).message);
    if (!m) throw err;
    throw new UsageError(`open ${full}: ${m[1]}`);
  }
}

function copyFromPod(c: Cluster, src: FileSpec, dest: FileSpec, o: Options, err: Writer): number {
  const { pod, container } = target(c, src, o, err);
  const r = tarCreate(viewOf(c.store, c.runtime), pod, container, src.file, c.now);
  const code = finish(r, err);
  if (code !== 0) return code;
  const root = path.resolve(o.cwd, dest.file);
  for (const entry of r.entries) {
    const full = entry.name === "" ? root : path.join(root, entry.name);
    makeDirs(path.dirname(full));
    if (entry.kind === "dir") makeDirs(full);
    else if (tryStatPath(full)?.isDirectory()) throw new UsageError(`open ${full}: is a directory`);
    else writeLocal(full, entry.content ?? "");
  }
  return 0;
}

export default defineVerb<Flags, Options>({
  name: "cp",
  help: {
    short: "Copy files and directories to and from containers",
    long: "Copy files and directories to and from containers.",
    example: `  # !!!Important Note!!!
  # Requires that the 'tar' binary is present in your container
  # image.  If 'tar' is not present, 'kubectl cp' will fail.
  #
  # For advanced use cases, such as symlinks, wildcard expansion or
  # file mode preservation, consider using 'kubectl exec'.
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar
  
  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
  kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
  kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
    usage: "cp <file-spec-src> <file-spec-dest> [options]",
  },
  define(cmd) {
    cmd.option(
      "-c, --container <name>",
      "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
      "",
    );
    cmd.option("--no-preserve", "The copied file/directory's ownership and permissions will not be preserved in the container", false);
    cmd.option(
      "--retries <n>",
      "Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).",
      "0",
    );
    cmd.argument("[args...]");
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    if (args.length !== 2) throw new UsageError("source and destination are required");
    return { src: args[0], dest: args[1], container: flags.container ?? "", namespace: env.namespace, cwd: env.cwd };
  },
  validate() {},
  run(o, cluster, io) {
    const c = cluster!;
    const src = extractFileSpec(o.src);
    const dest = extractFileSpec(o.dest);
    if (src.pod !== undefined && dest.pod !== undefined) throw new UsageError("one of src or dest must be a local file specification");
    if (src.file === "" || dest.file === "") throw new UsageError("filepath can not be empty");
    if (src.pod !== undefined) return copyFromPod(c, src, dest, o, io.err);
    if (dest.pod !== undefined) return copyToPod(c, src, dest, o, io.err);
    throw new UsageError("one of src or dest must be a remote file specification");
  },
});
