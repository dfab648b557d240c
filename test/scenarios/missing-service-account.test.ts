// Scenario: a Deployment whose pods name a ServiceAccount that does not exist. The API server's
// ServiceAccount admission refuses every pod (`pods "web-6ddf949759-" is forbidden`, the
// ReplicaSet's pods called by their generateName), the ReplicaSet records FailedCreate and
// backs off, its ReplicaFailure condition shows in the Deployment, and once the account is
// created the next retry brings the pods up and the condition goes.

import { describe, expect, it } from "vitest";
import { harness, ok } from "../cli-harness";

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: robot
      containers: [{name: nginx, image: nginx}]
`;

const FORBIDDEN = 'pods "web-6ddf949759-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found';
const conditions = "jsonpath={range .status.conditions[*]}{.type}={.status} {.reason}{'\\n'}{end}";

describe("pods that name a missing ServiceAccount", () => {
  it("are refused until the account exists; the ReplicaSet reports ReplicaFailure meanwhile", async () => {
    const h = await harness();
    expect(await h.run("apply", "-f", h.file("web.yaml", deployment))).toEqual(ok("deployment.apps/web created\n"));
    expect((await h.run("sim", "advance", "10s")).code).toBe(0);

    expect(await h.run("get", "deploy,rs")).toEqual(
      ok(
        "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n" +
          "deployment.apps/web   0/2     0            0           10s\n\n" +
          "NAME                             DESIRED   CURRENT   READY   AGE\n" +
          "replicaset.apps/web-6ddf949759   2         0         0       10s\n",
      ),
    );
    const describeRs = (await h.run("describe", "rs", "web")).stdout;
    expect(describeRs.slice(describeRs.indexOf("Conditions:"))).toBe(
      "Conditions:\n" +
        "  Type             Status  Reason\n" +
        "  ----             ------  ------\n" +
        "  ReplicaFailure   True    FailedCreate\n" +
        "Events:\n" +
        "  Type     Reason        Age                From                   Message\n" +
        "  ----     ------        ----               ----                   -------\n" +
        `  Warning  FailedCreate  5s (x11 over 10s)  replicaset-controller  Error creating: ${FORBIDDEN}\n\n`,
    );
    expect((await h.run("get", "rs", "-o", "jsonpath={.items[0].status.conditions[0].message}")).stdout).toBe(FORBIDDEN);
    expect(await h.run("get", "deploy", "web", "-o", conditions)).toEqual(
      ok("Progressing=True NewReplicaSetCreated\nAvailable=False MinimumReplicasUnavailable\nReplicaFailure=True FailedCreate\n"),
    );

    expect(await h.run("create", "-f", h.file("sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot}\n"))).toEqual(
      ok("serviceaccount/robot created\n"),
    );
    expect((await h.run("sim", "advance", "1m")).code).toBe(0);
    expect((await h.run("get", "deploy", "web")).stdout).toContain("web    2/2     2            2           70s");
    expect(await h.run("get", "rs", "-o", "jsonpath={.items[0].status.conditions}")).toEqual(ok(""));
    expect(await h.run("get", "deploy", "web", "-o", conditions)).toEqual(ok("Available=True MinimumReplicasAvailable\nProgressing=True NewReplicaSetAvailable\n"));
  });
});
