import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { createJobFromCronJob } from "./job";

const cronJob = (jobTemplate: Record<string, unknown>): KubeObject => ({
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: { name: "cj", namespace: "default", uid: "uid-1" },
  spec: { schedule: "@hourly", jobTemplate },
});

// Each `want` is kubectl v1.32's -o json of `create job j --from=cronjob/cj --dry-run=client`
// against an API server serving `given`, compacted (JSON.stringify keeps the key order).
const cases = [
  {
    name: "re-encodes the template in Go field order, sorting maps and dropping omitempty zeros",
    given: {
      metadata: { labels: { z: "1", a: "2" } },
      spec: {
        suspend: false,
        template: {
          spec: {
            schedulerName: "default-scheduler",
            restartPolicy: "Never",
            hostNetwork: false,
            nodeSelector: { zone: "b", disk: "ssd" },
            containers: [{ tty: false, readinessProbe: { periodSeconds: 10, httpGet: { scheme: "HTTP", port: 8080, path: "/" } }, ports: [{ protocol: "TCP", containerPort: 8080 }], image: "nginx", command: [], name: "web" }],
            volumes: [{ emptyDir: {}, name: "scratch" }, { name: "cfg", configMap: { name: "app", defaultMode: 420 } }],
          },
        },
        completions: 3,
        parallelism: 2,
        podFailurePolicy: { rules: [{ onExitCodes: { values: [42], operator: "In" }, action: "FailJob" }] },
      },
    },
    want: `{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null,"labels":{"a":"2","z":"1"},"annotations":{"cronjob.kubernetes.io/instantiate":"manual"},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"cj","uid":"uid-1","controller":true}]},"spec":{"parallelism":2,"completions":3,"podFailurePolicy":{"rules":[{"action":"FailJob","onExitCodes":{"operator":"In","values":[42]}}]},"template":{"metadata":{"creationTimestamp":null},"spec":{"volumes":[{"name":"scratch","emptyDir":{}},{"name":"cfg","configMap":{"name":"app","defaultMode":420}}],"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":8080,"protocol":"TCP"}],"resources":{},"readinessProbe":{"httpGet":{"path":"/","port":8080,"scheme":"HTTP"},"periodSeconds":10}}],"restartPolicy":"Never","nodeSelector":{"disk":"ssd","zone":"b"},"schedulerName":"default-scheduler"}},"suspend":false},"status":{}}`,
  },
  {
    name: "writes the fields Go always writes (no omitempty, or a struct held by value) when absent",
    given: {
      metadata: { annotations: {} },
      spec: {
        successPolicy: {},
        template: { spec: { containers: [{ ports: [{}], livenessProbe: { grpc: {} }, env: [{ valueFrom: { resourceFieldRef: {} } }] }], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } } } },
      },
    },
    want: `{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null,"annotations":{"cronjob.kubernetes.io/instantiate":"manual"},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"cj","uid":"uid-1","controller":true}]},"spec":{"successPolicy":{"rules":null},"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"","ports":[{"containerPort":0}],"env":[{"name":"","valueFrom":{"resourceFieldRef":{"resource":"","divisor":"0"}}}],"resources":{},"livenessProbe":{"grpc":{"port":0,"service":null}}}],"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":null}}}}}},"status":{}}`,
  },
];

describe("createJobFromCronJob", () => {
  it.each(cases)("$name", ({ given, want }) => {
    expect(JSON.stringify(createJobFromCronJob(cronJob(given), "j"))).toBe(want);
  });

  it("never mutates the CronJob it reads", () => {
    const cj = cronJob({ spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } } });
    const before = JSON.stringify(cj);
    createJobFromCronJob(cj, "j", "ns");
    expect(JSON.stringify(cj)).toBe(before);
  });
});
