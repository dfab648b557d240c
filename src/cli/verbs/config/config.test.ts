// `kubectl config` subcommands, run in order against one kubeconfig (each step builds on the
// previous one). Every expected output was checked against the real kubectl v1.32 on a
// kubeconfig with the same contents (reference/kubectl-output.md §7.4).

import { beforeAll, describe, expect, it } from "vitest";
import { harness } from "../../../../test/cli-harness";
import type { Harness } from "../../../../test/cli-harness";
import { seed, standardObjects } from "../get/test-fixtures";

interface Step {
  name: string;
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const steps: Step[] = [
  {
    name: "prints the current context",
    args: ["config","current-context"],
    stdout: `kubesim
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "lists the contexts with a star on the current one and trailing spaces for an empty namespace",
    args: ["config","get-contexts"],
    stdout: `CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE
*         kubesim   kubesim   kubesim    
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the kubeconfig as YAML with sorted keys",
    args: ["config","view"],
    stdout: `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kubesim
contexts:
- context:
    cluster: kubesim
    user: kubesim
  name: kubesim
current-context: kubesim
kind: Config
preferences: {}
users:
- name: kubesim
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the kubeconfig as JSON in the order of kubectl's Config struct",
    args: ["config","view","-o","json"],
    stdout: `{
    "kind": "Config",
    "apiVersion": "v1",
    "preferences": {},
    "clusters": [
        {
            "name": "kubesim",
            "cluster": {
                "server": "https://127.0.0.1:6443",
                "certificate-authority-data": "DATA+OMITTED"
            }
        }
    ],
    "users": [
        {
            "name": "kubesim",
            "user": {
                "client-certificate-data": "DATA+OMITTED",
                "client-key-data": "DATA+OMITTED"
            }
        }
    ],
    "contexts": [
        {
            "name": "kubesim",
            "context": {
                "cluster": "kubesim",
                "user": "kubesim"
            }
        }
    ],
    "current-context": "kubesim"
}
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "applies a jsonpath template to the kubeconfig",
    args: ["config","view","-o","jsonpath={.contexts[*].name}"],
    stdout: `kubesim`,
    stderr: ``,
    code: 0,
  },
  {
    name: "takes --show-managed-fields (a kubeconfig has none: nothing changes)",
    args: ["config","view","-o","jsonpath={.contexts[*].name}","--show-managed-fields"],
    stdout: `kubesim`,
    stderr: ``,
    code: 0,
  },
  {
    name: "sets the namespace of the current context",
    args: ["config","set-context","--current","--namespace=dev"],
    stdout: `Context "kubesim" modified.
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "shows the namespace in get-contexts",
    args: ["config","get-contexts"],
    stdout: `CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE
*         kubesim   kubesim   kubesim    dev
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "makes the context's namespace the default of every command",
    args: ["get","pods"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
api-1   0/1     Pending   0          45s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "creates a context",
    args: ["config","set-context","staging","--namespace=qa"],
    stdout: `Context "staging" created.
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints only names with -o name, sorted",
    args: ["config","get-contexts","-o","name"],
    stdout: `kubesim
staging
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "refuses a context that does not exist",
    args: ["config","use-context","nope"],
    stdout: ``,
    stderr: `error: no context exists with the name: "nope"
`,
    code: 1,
  },
  {
    name: "switches to a context",
    args: ["config","use-context","staging"],
    stdout: `Switched to context "staging".
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the new current context",
    args: ["config","current-context"],
    stdout: `staging
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "drops the header with --no-headers",
    args: ["config","get-contexts","--no-headers"],
    stdout: `      kubesim   kubesim   kubesim   dev
*     staging                       qa
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the header and an error for a missing context",
    args: ["config","get-contexts","nope"],
    stdout: `CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE
`,
    stderr: `error: context nope not found
`,
    code: 1,
  },
  {
    name: "prints several missing contexts without error prefixes",
    args: ["config","get-contexts","nope","nada"],
    stdout: `CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE
`,
    stderr: `context nope not found
context nada not found
`,
    code: 1,
  },
  {
    name: "keeps only the current context, its cluster and user with --minify",
    args: ["config","view","--minify"],
    stdout: `apiVersion: v1
clusters: null
contexts:
- context:
    cluster: ""
    namespace: qa
    user: ""
  name: staging
current-context: staging
kind: Config
preferences: {}
users: null
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "clears the namespace with an empty --namespace",
    args: ["config","set-context","kubesim","--namespace="],
    stdout: `Context "kubesim" modified.
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "shows the cleared namespace",
    args: ["config","get-contexts"],
    stdout: `CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE
          kubesim   kubesim   kubesim    
*         staging                        qa
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "requires a context name or --current",
    args: ["config","set-context"],
    stdout: ``,
    stderr: `error: you must specify a non-empty context name or --current
`,
    code: 1,
  },
  {
    name: "refuses both a context name and --current",
    args: ["config","set-context","x","--current"],
    stdout: ``,
    stderr: `error: you cannot specify both a context name and --current
`,
    code: 1,
  },
  {
    name: "prints its help and an error without a context name",
    args: ["config","use-context"],
    stdout: `Set the current-context in a kubeconfig file.

Aliases:
use-context, use

Examples:
  # Use the context for the minikube cluster
  kubectl config use-context minikube

Usage:
  kubectl config use-context CONTEXT_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
    stderr: `error: Unexpected args: []
`,
    code: 1,
  },
  {
    name: "offers only the name format in get-contexts",
    args: ["config","get-contexts","-o","yaml"],
    stdout: ``,
    stderr: `error: --output yaml is not available in kubectl config get-contexts; resetting to default output format
`,
    code: 1,
  },
  {
    name: "lists the allowed formats for an unknown view format",
    args: ["config","view","-o","bogus"],
    stdout: ``,
    stderr: `error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
`,
    code: 1,
  },
];

describe("kubectl config", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    seed(h, standardObjects());
  });

  it.each(steps)("$name", async ({ args, stdout, stderr, code }) => {
    expect(await h.run(...args)).toEqual({ stdout, stderr, code });
  });

  it("alone lists its subcommands on stderr and exits 1", async () => {
    const r = await h.run("config");
    expect([r.code, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toContain(
      "Available Commands:\n" +
        "  current-context   Display the current-context\n" +
        "  get-contexts      Describe one or many contexts\n" +
        "  set-context       Set a context entry in kubeconfig\n" +
        "  use-context       Set the current-context in a kubeconfig file\n" +
        "  view              Display merged kubeconfig settings or a specified kubeconfig file\n",
    );
  });

  it("does not advance the simulated clock", async () => {
    const before = await h.runWith({ vars: { KUBESIM_TICK: "0" } }, "sim", "clock");
    await h.runWith({ vars: { KUBESIM_TICK: "1h" } }, "config", "get-contexts");
    await h.runWith({ vars: { KUBESIM_TICK: "1h" } }, "config", "view");
    expect(await h.runWith({ vars: { KUBESIM_TICK: "0" } }, "sim", "clock")).toEqual(before);
  });
});
