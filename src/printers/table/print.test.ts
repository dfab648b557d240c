import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { ago, meta, obj, runningPod, T0 } from "../test-objects";
import { noResourcesFound, printTable, type TableOptions } from "./print";

const base: TableOptions = { now: T0, wide: false, withNamespace: false, withKind: false, showLabels: false, labelColumns: [], noHeaders: false };

const deployment = (name: string, status: Record<string, number>, created = 300): KubeObject =>
  obj("apps/v1", "Deployment", name, {
    spec: { replicas: 3, selector: { matchLabels: { app: name } }, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    status,
  }, { creationTimestamp: ago(created), labels: { app: name } });

const cases: { name: string; objects: KubeObject[]; opts?: Partial<TableOptions>; want: string }[] = [
  {
    name: "deployments print READY as ready/desired and missing counts as 0",
    objects: [deployment("nginx", { readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 }, 40), deployment("web", {}, 864000)],
    want: "NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   2/3     1            2           40s\nweb     0/3     0            0           10d\n",
  },
  {
    name: "wide deployments add containers, images and the selector",
    objects: [deployment("nginx", { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 })],
    opts: { wide: true },
    want: "NAME    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nnginx   3/3     3            3           5m    nginx        nginx:1.27   app=nginx\n",
  },
  {
    name: "several kinds prefix the name with kind.group",
    objects: [deployment("nginx", { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 })],
    opts: { withKind: true },
    want: "NAME                    READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/nginx   3/3     3            3           5m\n",
  },
  {
    name: "-A prepends NAMESPACE",
    objects: [runningPod("nginx-7854ff8877-2xk9p")],
    opts: { withNamespace: true },
    want: "NAMESPACE   NAME                     READY   STATUS    RESTARTS   AGE\ndefault     nginx-7854ff8877-2xk9p   1/1     Running   0          5m\n",
  },
  {
    name: "-A does not add NAMESPACE to cluster-scoped kinds",
    objects: [obj("v1", "Namespace", "dev", { status: { phase: "Active" } }, { namespace: undefined })],
    opts: { withNamespace: true },
    want: "NAME   STATUS   AGE\ndev    Active   5m\n",
  },
  {
    name: "-L adds a column per key and --show-labels puts LABELS last",
    objects: [
      deployment("nginx", { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
    ],
    opts: { labelColumns: ["app", "example.com/tier"], showLabels: true },
    want: "NAME    READY   UP-TO-DATE   AVAILABLE   AGE   APP     TIER   LABELS\nnginx   3/3     3            3           5m    nginx          app=nginx\n",
  },
  {
    name: "an empty last -L cell leaves trailing spaces",
    objects: [deployment("nginx", { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 })],
    opts: { labelColumns: ["tier"] },
    want: "NAME    READY   UP-TO-DATE   AVAILABLE   AGE   TIER\nnginx   3/3     3            3           5m    \n",
  },
  {
    name: "--no-headers drops the header",
    objects: [runningPod("web")],
    opts: { noHeaders: true },
    want: "web   1/1   Running   0     5m\n",
  },
  {
    name: "wide pods show IP, node and <none> placeholders",
    objects: [runningPod("nginx-7854ff8877-2xk9p"), obj("v1", "Pod", "pending-pod", { spec: { containers: [{ name: "a" }] }, status: { phase: "Pending" } }, { creationTimestamp: ago(5) })],
    opts: { wide: true },
    want:
      "NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n" +
      "nginx-7854ff8877-2xk9p   1/1     Running   0          5m    10.244.0.5   node-1   <none>           <none>\n" +
      "pending-pod              0/1     Pending   0          5s    <none>       <none>   <none>           <none>\n",
  },
  { name: "no objects print nothing", objects: [], want: "" },
];

describe("printTable", () => {
  it.each(cases)("$name", ({ objects, opts, want }) => expect(printTable(objects, { ...base, ...opts })).toBe(want));
});

describe("noResourcesFound", () => {
  it.each([
    { name: "names the namespace", ns: "default" as string | undefined, want: "No resources found in default namespace." },
    { name: "omits the namespace for -A and cluster-scoped kinds", ns: undefined, want: "No resources found" },
  ])("$name", ({ ns, want }) => expect(noResourcesFound(ns)).toBe(want));
});
