import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../../test/cli-harness";


// Each case starts with deployment web (nginx, 2 replicas), pod x, config map cfg and secret s.
const setup = async () => {
  const h = await harness();
  await h.run("create", "deployment", "web", "--image=nginx", "--replicas=2");
  await h.run("run", "x", "--image=nginx");
  await h.run("create", "configmap", "cfg", "--from-literal=db.host=db", "--from-literal=mode=fast");
  const cm = h.file("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: c2VjcmV0\n");
  await h.run("create", "-f", cm);
  return h;
};
const jsonpath = async (h: Awaited<ReturnType<typeof setup>>, target: string, path: string) => (await h.run("get", target, "-o", `jsonpath=${path}`)).stdout;

describe("kubectl set image", () => {
  const cases = [
    { name: "updates the named container", args: ["deploy/web", "nginx=nginx:1.27"], want: ok("deployment.apps/web image updated\n") },
    { name: "updates every container with *", args: ["deploy/web", "*=nginx:1.27"], want: ok("deployment.apps/web image updated\n") },
    { name: "prints nothing when the image is already set", args: ["deploy/web", "nginx=nginx"], want: ok("") },
    { name: "updates a pod", args: ["pod/x", "x=nginx:1.27"], want: ok("pod/x image updated\n") },
    { name: "marks a client dry run", args: ["deploy/web", "nginx=nginx:1.27", "--dry-run=client"], want: ok("deployment.apps/web image updated (dry run)\n") },
    { name: "prints the name with -o name", args: ["deploy/web", "nginx=nginx:1.27", "-o", "name"], want: ok("deployment.apps/web\n") },
    { name: "updates what --all selects", args: ["deploy", "--all", "nginx=nginx:1.27"], want: ok("deployment.apps/web image updated\n") },
    { name: "reports an unknown container", args: ["deploy/web", "foo=nginx:1.27"], want: fail('error: unable to find container named "foo"\n') },
    { name: "rejects a kind without a pod template", args: ["svc/kubernetes", "a=b"], want: fail("error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n") },
    { name: "reports a missing object", args: ["deploy/nope", "a=b"], want: fail('Error from server (NotFound): deployments.apps "nope" not found\n') },
    { name: "requires an image update", args: ["deploy/web"], want: fail("error: at least one image update is required\n") },
    { name: "refuses * beside other containers", args: ["deploy/web", "*=a", "b=c"], want: fail("error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n") },
    { name: "refuses resources after the pairs", args: ["a=b", "deploy/web"], want: fail("error: all resources must be specified before image changes: deploy/web\n") },
    { name: "accepts the deprecated --record", args: ["deploy/web", "nginx=nginx:1.27", "--record"], want: { stdout: "deployment.apps/web image updated\n", stderr: "Flag --record has been deprecated, --record will be removed in the future\n", code: 0 } },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("set", "image", ...args)).toEqual(want);
  });

  it("stores the image, and a client dry run stores nothing", async () => {
    const h = await setup();
    await h.run("set", "image", "deploy/web", "nginx=nginx:1.26", "--dry-run=client");
    expect(await jsonpath(h, "deploy/web", "{.spec.template.spec.containers[0].image}")).toBe("nginx");
    await h.run("set", "image", "deploy/web", "nginx=nginx:1.27");
    expect(await jsonpath(h, "deploy/web", "{.spec.template.spec.containers[0].image}")).toBe("nginx:1.27");
  });
});

describe("kubectl set env", () => {
  const cases = [
    { name: "adds variables", args: ["deploy/web", "A=1", "B=two"], want: ok("deployment.apps/web env updated\n") },
    { name: "lists the variables with the changes applied, writing nothing", args: ["deploy/web", "A=1", "--list"], want: ok("# Deployment web, container nginx\nA=1\n") },
    {
      name: "adds references to every key of a config map with --from, prefixed",
      args: ["deploy/web", "--from=configmap/cfg", "--prefix=APP_", "--list"],
      want: ok("# Deployment web, container nginx\n# APP_DB_HOST from configmap cfg, key db.host\n# APP_MODE from configmap cfg, key mode\n"),
    },
    { name: "imports only --keys", args: ["deploy/web", "--from=configmap/cfg", "--keys=mode", "--list"], want: ok("# Deployment web, container nginx\n# MODE from configmap cfg, key mode\n") },
    { name: "resolves secret references with --resolve", args: ["deploy/web", "--from=secret/s", "--list", "--resolve"], want: ok("# Deployment web, container nginx\nTOKEN=secret\n") },
    { name: "warns when no container matches -c", args: ["deploy/web", "A=1", "-c", "side*"], want: { stdout: "", stderr: 'warning: Deployment/web does not have any containers matching "side*"\n', code: 0 } },
    { name: "rejects an invalid name", args: ["deploy/web", "1A=b"], want: fail(`error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`) },
    { name: "rejects setting and removing one variable", args: ["deploy/web", "A=1", "A-"], want: fail("error: can not both modify and remove the same environment variable in the same command\n") },
    { name: "rejects --keys without --from", args: ["deploy/web", "--keys=a"], want: fail("error: when specifying --keys, a configmap or secret must be provided with --from\n") },
    { name: "rejects --list with -o", args: ["deploy/web", "--list", "-o", "yaml"], want: fail("error: --list and --output may not be specified together\n") },
    { name: "rejects resources after variables", args: ["deploy/web", "A=1", "foo"], want: fail("error: all resources must be specified before environment changes: deploy/web A=1 foo\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("set", "env", ...args)).toEqual(want);
  });

  it("replaces values in place, removes with KEY-, and refuses changes with --overwrite=false", async () => {
    const h = await setup();
    await h.run("set", "env", "deploy/web", "A=1", "B=2");
    expect(await h.run("set", "env", "deploy/web", "A=3", "--overwrite=false")).toEqual(fail("error: deployments.apps/web 'A' already has a value (1), and --overwrite is false\n"));
    expect(await h.run("set", "env", "deploy/web", "A=3", "B-", "C=4")).toEqual(ok("deployment.apps/web env updated\n"));
    expect(await h.run("set", "env", "deploy/web", "--list")).toEqual(ok("# Deployment web, container nginx\nA=3\nC=4\n"));
    expect(await h.run("set", "env", "deploy/web", "A-", "C-")).toEqual(ok("deployment.apps/web env updated\n"));
    expect(await jsonpath(h, "deploy/web", "{.spec.template.spec.containers[0].env}")).toBe("");
  });
});

describe("kubectl set resources", () => {
  const cases = [
    { name: "sets limits and requests", args: ["deploy/web", "--limits=cpu=200m,memory=512Mi", "--requests=cpu=0.1"], want: ok("deployment.apps/web resource requirements updated\n") },
    { name: "marks a server dry run", args: ["deploy/web", "--limits=cpu=1", "--dry-run=server"], want: ok("deployment.apps/web resource requirements updated (server dry run)\n") },
    { name: "reports an unknown container", args: ["deploy/web", "-c", "foo", "--limits=cpu=1"], want: fail("error: unable to find container named foo\n") },
    { name: "requires limits or requests", args: ["deploy/web"], want: fail("error: you must specify an update to requests or limits (in the form of --requests/--limits)\n") },
    { name: "rejects a malformed list", args: ["deploy/web", "--limits=cpu"], want: fail("error: Invalid argument syntax cpu, expected <resource>=<value>\n") },
    { name: "rejects a bad quantity", args: ["deploy/web", "--limits=cpu=abc"], want: fail("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("set", "resources", ...args)).toEqual(want);
  });

  it("stores canonical quantities, merged with what was there", async () => {
    const h = await setup();
    await h.run("set", "resources", "deploy/web", "--limits=cpu=200m,memory=1024Mi", "--requests=cpu=0.1");
    await h.run("set", "resources", "deploy/web", "--requests=memory=64Mi");
    expect(await jsonpath(h, "deploy/web", "{.spec.template.spec.containers[0].resources}")).toBe('{"limits":{"cpu":"200m","memory":"1Gi"},"requests":{"cpu":"100m","memory":"64Mi"}}');
  });
});

describe("kubectl set", () => {
  it("alone lists its sub-commands on stderr and exits 1, as cmdutil.DefaultSubCommandRun does", async () => {
    const h = await harness();
    const r = await h.run("set");
    expect([r.code, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toBe(
      "Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n" +
        "  env              Update environment variables on a pod template\n" +
        "  image            Update the image of a pod template\n" +
        "  resources        Update resource requests/limits on objects with pod templates\n" +
        "  selector         Set the selector on a resource\n" +
        "  serviceaccount   Update the service account of a resource\n" +
        "  subject          Update the user, group, or service account in a role binding or cluster role binding\n\n" +
        "Usage:\n  kubectl set SUBCOMMAND [options]\n\n" +
        'Use "kubectl set <command> --help" for more information about a given command.\n' +
        'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });

  it("with a word that names no sub-command is a usage error", async () => {
    const h = await harness();
    expect(await h.run("set", "foo", "bar")).toEqual(fail('error: unknown command "foo bar"\nSee \'kubectl set -h\' for help and examples\n'));
  });
});
