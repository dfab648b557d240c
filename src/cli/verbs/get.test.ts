// Whole-output tests of `kubectl get` against the default cluster plus the shared fixtures
// (reference/kubectl-output.md §1, §5.5).

import { beforeAll, describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";
import type { Harness } from "../../../test/cli-harness";
import { seed, standardObjects } from "./get/test-fixtures";

interface Case {
  name: string;
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const cases: Case[] = [
  {
    name: "prints the pods of the namespace as kubectl's table",
    args: ["get","pods"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
db-10   0/1     Pending   0          10m
web-1   0/1     Pending   0          90s
web-2   0/1     Pending   0          30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide",
    args: ["get","pods","-o","wide"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES
db-10   0/1     Pending   0          10m   <none>   <none>   <none>           <none>
web-1   0/1     Pending   0          90s   <none>   <none>   <none>           <none>
web-2   0/1     Pending   0          30s   <none>   <none>   <none>           <none>
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prepends NAMESPACE and lists every namespace with -A",
    args: ["get","pods","-A"],
    stdout: `NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE
default     db-10   0/1     Pending   0          10m
default     web-1   0/1     Pending   0          90s
default     web-2   0/1     Pending   0          30s
dev         api-1   0/1     Pending   0          45s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "appends a LABELS column with --show-labels",
    args: ["get","pods","--show-labels"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE   LABELS
db-10   0/1     Pending   0          10m   app=db
web-1   0/1     Pending   0          90s   app=web,tier=frontend
web-2   0/1     Pending   0          30s   app=web
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "appends one column per -L key, empty cells leaving trailing spaces",
    args: ["get","pods","-L","app,tier"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE   APP   TIER
db-10   0/1     Pending   0          10m   db    
web-1   0/1     Pending   0          90s   web   frontend
web-2   0/1     Pending   0          30s   web   
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "takes -L repeated",
    args: ["get","pods","-L","app","-L","tier"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE   APP   TIER
db-10   0/1     Pending   0          10m   db    
web-1   0/1     Pending   0          90s   web   frontend
web-2   0/1     Pending   0          30s   web   
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "sorts by a JSONPath without braces with --sort-by",
    args: ["get","pods","--sort-by=.metadata.creationTimestamp"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
db-10   0/1     Pending   0          10m
web-1   0/1     Pending   0          90s
web-2   0/1     Pending   0          30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "sorts names in natural order and drops the header with --no-headers",
    args: ["get","pods","--sort-by={.metadata.name}","--no-headers"],
    stdout: `db-10   0/1   Pending   0     10m
web-1   0/1   Pending   0     90s
web-2   0/1   Pending   0     30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "filters by label with -l",
    args: ["get","pods","-l","app=web"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
web-1   0/1     Pending   0          90s
web-2   0/1     Pending   0          30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "filters with set-based selectors across namespaces",
    args: ["get","pods","-l","app in (db,api)","-A"],
    stdout: `NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE
default     db-10   0/1     Pending   0          10m
dev         api-1   0/1     Pending   0          45s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "filters by metadata.name with --field-selector",
    args: ["get","pods","--field-selector","metadata.name=web-2"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
web-2   0/1     Pending   0          30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "filters pods by status.phase and spec.nodeName",
    args: ["get","pods","--field-selector","status.phase=Pending,spec.nodeName=","-o","name"],
    stdout: `pod/db-10
pod/web-1
pod/web-2
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "rejects an unsupported field label with the server's words",
    args: ["get","pods","--field-selector","foo=bar"],
    stdout: ``,
    stderr: `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo
`,
    code: 1,
  },
  {
    name: "names the apps group in a field selector error",
    args: ["get","deploy","--field-selector","status.phase=Running"],
    stdout: ``,
    stderr: `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "status.phase=Running": field label not supported: status.phase
`,
    code: 1,
  },
  {
    name: "prints one table per type with kind prefixes and blank lines between",
    args: ["get","deploy,svc"],
    stdout: `NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/2     0            0           4m

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "drops the blank lines between types with --no-headers",
    args: ["get","deploy,svc","--no-headers"],
    stdout: `deployment.apps/web   0/2   0     0     4m
service/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   0s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "skips empty types without extra blank lines, keeping the kind prefixes",
    args: ["get","deploy,rs,svc"],
    stdout: `NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/2     0            0           4m

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the all category in kubectl's order, skipping empty types",
    args: ["get","all"],
    stdout: `NAME        READY   STATUS    RESTARTS   AGE
pod/db-10   0/1     Pending   0          10m
pod/web-1   0/1     Pending   0          90s
pod/web-2   0/1     Pending   0          30s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/2     0            0           4m
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints found names and then a NotFound for each missing one, exiting 1",
    args: ["get","pod","web-1","nope","web-2"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
web-1   0/1     Pending   0          90s
web-2   0/1     Pending   0          30s
`,
    stderr: `Error from server (NotFound): pods "nope" not found
`,
    code: 1,
  },
  {
    name: "prints TYPE/NAME arguments of several kinds as separate tables",
    args: ["get","pod/web-1","deploy/web"],
    stdout: `NAME        READY   STATUS    RESTARTS   AGE
pod/web-1   0/1     Pending   0          90s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/2     0            0           4m
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints a single TYPE/NAME without a kind prefix",
    args: ["get","deploy/web"],
    stdout: `NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    0/2     0            0           4m
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints kind/name lines with -o name",
    args: ["get","pods","-o","name"],
    stdout: `pod/db-10
pod/web-1
pod/web-2
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "applies a jsonpath template to a single named object without a trailing newline",
    args: ["get","pod","web-1","-o","jsonpath={.metadata.name} {.status.phase}"],
    stdout: `web-1 Pending`,
    stderr: ``,
    code: 0,
  },
  {
    name: "applies a jsonpath template to the List of a listing",
    args: ["get","pods","-o","jsonpath={range .items[*]}{.metadata.name}{\"\\n\"}{end}"],
    stdout: `db-10
web-1
web-2
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints custom columns with headers as given",
    args: ["get","pods","-o","custom-columns=NAME:.metadata.name,APP:.metadata.labels.app"],
    stdout: `NAME    APP
db-10   db
web-1   web
web-2   web
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints a List with -o yaml for a listing",
    args: ["get","pods","-n","dev","-o","yaml"],
    stdout: `apiVersion: v1
items:
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2024-12-31T23:59:15Z"
    labels:
      app: api
    name: api-1
    namespace: dev
    resourceVersion: "1005"
    uid: 00000000-0000-4000-8000-000000000005
  spec:
    containers:
    - image: nginx:1.27
      name: app
    restartPolicy: Always
    schedulerName: manual-scheduler
  status:
    phase: Pending
    qosClass: BestEffort
kind: List
metadata:
  resourceVersion: ""
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the object itself with -o json for a single name",
    args: ["get","cm","settings","-o","json"],
    stdout: `{
    "apiVersion": "v1",
    "data": {
        "level": "3",
        "mode": "fast"
    },
    "kind": "ConfigMap",
    "metadata": {
        "creationTimestamp": "2024-12-31T23:58:00Z",
        "name": "settings",
        "namespace": "default",
        "resourceVersion": "1006",
        "uid": "00000000-0000-4000-8000-000000000006"
    }
}
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints an empty List with -o json when nothing matches",
    args: ["get","pods","-l","app=none","-o","json"],
    stdout: `{
    "apiVersion": "v1",
    "items": [],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints only the error for a single missing name with -o yaml",
    args: ["get","pod","nope","-o","yaml"],
    stdout: ``,
    stderr: `Error from server (NotFound): pods "nope" not found
`,
    code: 1,
  },
  {
    name: "prints the found objects as a List and the missing ones as errors with -o name",
    args: ["get","pods","web-1","nope","-o","name"],
    stdout: `pod/web-1
`,
    stderr: `Error from server (NotFound): pods "nope" not found
`,
    code: 1,
  },
  {
    name: "says No resources found in the namespace on stderr",
    args: ["get","pods","-n","empty"],
    stdout: ``,
    stderr: `No resources found in empty namespace.
`,
    code: 0,
  },
  {
    name: "says No resources found without a namespace for cluster-scoped types",
    args: ["get","nodes","-l","nothing"],
    stdout: ``,
    stderr: `No resources found
`,
    code: 0,
  },
  {
    name: "says No resources found without a namespace with -A",
    args: ["get","pods","-A","-l","nothing"],
    stdout: ``,
    stderr: `No resources found
`,
    code: 0,
  },
  {
    name: "names an unknown resource type",
    args: ["get","foo"],
    stdout: ``,
    stderr: `error: the server doesn't have a resource type "foo"
`,
    code: 1,
  },
  {
    name: "explains that a type is required",
    args: ["get"],
    stdout: ``,
    stderr: `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`,
    code: 1,
  },
  {
    name: "fails when --sort-by names a field no object has",
    args: ["get","pods","--sort-by=.spec.foo"],
    stdout: ``,
    stderr: `error: couldn't find any field with path "{.spec.foo}" in the list of objects
`,
    code: 1,
  },
  {
    name: "lists the allowed formats for an unknown -o",
    args: ["get","pods","-o","bogus"],
    stdout: ``,
    stderr: `error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
`,
    code: 1,
  },
  {
    name: "rejects Go templates like an unknown format",
    args: ["get","pods","-o","go-template={{.kind}}"],
    stdout: ``,
    stderr: `error: unable to match a printer suitable for the output format "go-template={{.kind}}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
`,
    code: 1,
  },
  {
    name: "prints nothing for a missing name with --ignore-not-found",
    args: ["get","pod","nope","--ignore-not-found"],
    stdout: ``,
    stderr: ``,
    code: 0,
  },
  {
    name: "prefixes the kind with --show-kind",
    args: ["get","pods","-l","app=web","--show-kind"],
    stdout: `NAME        READY   STATUS    RESTARTS   AGE
pod/web-1   0/1     Pending   0          90s
pod/web-2   0/1     Pending   0          30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "refuses names across all namespaces",
    args: ["get","pods","web-1","-A"],
    stdout: ``,
    stderr: `error: a resource cannot be retrieved by name across all namespaces
`,
    code: 1,
  },
  {
    name: "refuses names with a selector",
    args: ["get","pods","web-1","-l","app=web"],
    stdout: ``,
    stderr: `error: name cannot be provided when a selector is specified
`,
    code: 1,
  },
  {
    name: "prints the deployment's wide columns",
    args: ["get","deploy","-o","wide"],
    stdout: `NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
web    0/2     0            0           4m    app          nginx:1.27   app=web
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints nodes",
    args: ["get","nodes"],
    stdout: `NAME                    STATUS   ROLES           AGE   VERSION
kubesim-control-plane   Ready    control-plane   0s    v1.32.2
kubesim-worker          Ready    <none>          0s    v1.32.2
kubesim-worker2         Ready    <none>          0s    v1.32.2
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints namespaces",
    args: ["get","namespaces"],
    stdout: `NAME              STATUS   AGE
default           Active   0s
dev               Active   10m
kube-node-lease   Active   0s
kube-public       Active   0s
kube-system       Active   0s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the kubernetes service",
    args: ["get","services"],
    stdout: `NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "prints the default storage class",
    args: ["get","storageclasses"],
    stdout: `NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  0s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "accepts --chunk-size",
    args: ["get","ns","--chunk-size=10","-o","name"],
    stdout: `namespace/default
namespace/dev
namespace/kube-node-lease
namespace/kube-public
namespace/kube-system
`,
    stderr: ``,
    code: 0,
  },
];

describe("kubectl get", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    seed(h, standardObjects());
  });

  it.each(cases)("$name", async ({ args, stdout, stderr, code }) => {
    expect(await h.run(...args)).toEqual({ stdout, stderr, code });
  });
});

const watchCases: Case[] = [
  {
    name: "prints the listing with -w and stops when nothing changes",
    args: ["get", "pods", "-w"],
    stdout: `NAME    READY   STATUS    RESTARTS   AGE
db-10   0/1     Pending   0          10m
web-1   0/1     Pending   0          90s
web-2   0/1     Pending   0          30s
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "sorts the listing once and warns that later events are not sorted",
    args: ["get", "pods", "-w", "--sort-by=.metadata.creationTimestamp", "-o", "name"],
    stdout: `pod/db-10
pod/web-1
pod/web-2
`,
    stderr: `warning: --watch requested, --sort-by will be ignored for watch events received
`,
    code: 0,
  },
  {
    name: "prints nothing with --watch-only when nothing changes",
    args: ["get", "pods", "--watch-only"],
    stdout: ``,
    stderr: ``,
    code: 0,
  },
  {
    name: "watches only one type",
    args: ["get", "pods,deploy", "-w"],
    stdout: ``,
    stderr: `error: watch is only supported on individual resources and resource collections - more than 1 resource was found
`,
    code: 1,
  },
  {
    name: "watches only one name",
    args: ["get", "pods", "web-1", "web-2", "-w"],
    stdout: ``,
    stderr: `error: watch is only supported on individual resources and resource collections - more than 1 resource was found
`,
    code: 1,
  },
  {
    name: "fails at once for a missing name",
    args: ["get", "pod", "nope", "-w"],
    stdout: ``,
    stderr: `Error from server (NotFound): pods "nope" not found
`,
    code: 1,
  },
];

// A watch may run the simulation forward, so these get a cluster of their own.
describe("kubectl get -w", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    seed(h, standardObjects());
  });

  it.each(watchCases)("$name", async ({ args, stdout, stderr, code }) => {
    expect(await h.run(...args)).toEqual({ stdout, stderr, code });
  });
});
