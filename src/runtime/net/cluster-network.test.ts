import { describe, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { instant, parseInstant } from "../../sim/time";
import { NGINX_404, NGINX_WELCOME } from "../images/texts";
import { clusterNetwork } from "./cluster-network";
import { pod, service, START } from "./test-objects";

const t0 = parseInstant(START)!;
// `nginx` without a tag is the catalog's latest release.
const NGINX_404_PAGE = NGINX_404.replace("{{version}}", "1.29.1");
const AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.40";

const objects = [
  pod("nginx-1", { ip: "10.244.0.5", labels: { app: "nginx" } }),
  pod("nginx-0", { ip: "10.244.0.4", labels: { app: "nginx" }, ready: false }),
  service("nginx", { clusterIP: "10.96.100.5", selector: { app: "nginx" }, ports: [{ port: 8080, targetPort: 80 }] }),
  pod("named-0", {
    ip: "10.244.0.6",
    labels: { app: "named" },
    containers: [{ name: "srv", image: AGNHOST, args: ["netexec", "--http-port=8081"], ports: [{ name: "http-api", containerPort: 8081 }] }],
  }),
  service("named", { clusterIP: "10.96.100.6", selector: { app: "named" }, ports: [{ port: 80, targetPort: "http-api" }] }),
  pod("cold-0", { ip: "10.244.0.7", labels: { app: "cold" }, ready: false }),
  service("cold", { clusterIP: "10.96.100.7", selector: { app: "cold" }, ports: [{ port: 80 }] }),
  pod("pending-0", { ip: "10.244.0.8", phase: "Pending" }),
  pod("liveness", {
    ip: "10.244.0.9",
    containers: [{ name: "liveness", image: AGNHOST, args: ["liveness"] }],
    startedAt: { liveness: START },
  }),
  pod("sleeper", { ip: "10.244.0.10", containers: [{ name: "sh", image: "busybox", command: ["sh", "-c", "sleep 3600"], ports: [{ containerPort: 80 }] }] }),
  pod("sidecar", {
    ip: "10.244.0.11",
    containers: [
      { name: "shell", image: "busybox", command: ["sh", "-c", "sleep 3600"] },
      { name: "web", image: "nginx" },
    ],
  }),
  ...["host-b", "host-a"].map((name, i) =>
    pod(name, { ip: `10.244.1.${i + 1}`, labels: { app: "hosts" }, containers: [{ name: "s", image: AGNHOST, args: ["serve-hostname"] }] }),
  ),
  service("hosts", { clusterIP: "10.96.100.8", selector: { app: "hosts" }, ports: [{ port: 80, targetPort: 9376 }] }),
  pod("client", { ip: "10.244.0.20", containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] }),
  service("nginx-np", { type: "NodePort", clusterIP: "10.96.100.9", selector: { app: "nginx" }, ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }] }),
  { apiVersion: "v1", kind: "Node", metadata: { name: "kind-worker" }, status: { addresses: [{ type: "InternalIP", address: "172.18.0.3" }] } },
];
const view = viewOf(new Store(objects), new Map());
const byName = (name: string) => objects.find((o) => o.kind === "Pod" && o.metadata.name === name)!;

describe("httpGet", () => {
  const cases: { name: string; from?: string; url: string; after?: number; want: { status: number; body: string } | undefined }[] = [
    { name: "a pod IP running nginx serves the welcome page", url: "http://10.244.0.5/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "a pod IP running nginx answers 404 for other paths", url: "http://10.244.0.5/missing", want: { status: 404, body: NGINX_404_PAGE } },
    { name: "a URL without a scheme is taken as http", url: "10.244.0.5:80/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "a pod IP on a port nothing listens on is refused", url: "http://10.244.0.5:81/", want: undefined },
    { name: "a pod IP that is running but not ready still answers directly", url: "http://10.244.0.4/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "a pod that is not running answers nothing", url: "http://10.244.0.8/", want: undefined },
    { name: "an address no pod or Service has answers nothing", url: "http://10.244.9.9/", want: undefined },
    { name: "a Service name maps its port to the targetPort of a ready pod", url: "http://nginx:8080/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "a Service full name with a path reaches the pod's route", url: "http://nginx.default.svc.cluster.local:8080/x", want: { status: 404, body: NGINX_404_PAGE } },
    { name: "a Service cluster IP is reached directly", url: "http://10.96.100.5:8080/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "a Service port it does not expose is refused", url: "http://nginx/", want: undefined },
    { name: "a named targetPort resolves to the pod's container port", url: "http://named/echo?msg=hi", want: { status: 200, body: "hi" } },
    { name: "a Service picks the first ready pod by name", url: "http://hosts/", want: { status: 200, body: "host-a" } },
    { name: "a Service whose only pod is not ready is refused", url: "http://cold/", want: undefined },
    { name: "an unknown host answers nothing", url: "http://nosuch/", want: undefined },
    { name: "a node's address on a Service's nodePort reaches a ready endpoint", url: "http://172.18.0.3:30080/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "a node's address on a port no Service uses is refused", url: "http://172.18.0.3:30081/", want: undefined },
    { name: "https is not simulated", url: "https://10.244.0.5/", want: undefined },
    { name: "agnhost liveness is healthy at first", url: "http://10.244.0.9:8080/healthz", after: 3_000, want: { status: 200, body: "ok" } },
    { name: "agnhost liveness is still healthy at 10s", url: "http://10.244.0.9:8080/healthz", after: 10_000, want: { status: 200, body: "ok" } },
    { name: "agnhost liveness fails after 10s", url: "http://10.244.0.9:8080/healthz", after: 11_500, want: { status: 500, body: "error: 11.5" } },
    { name: "a shell-run container listens on nothing, even on a declared port", url: "http://10.244.0.10/", want: undefined },
    { name: "the container that listens on the port answers, not the first one", url: "http://10.244.0.11/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "localhost is the asking pod itself", from: "sidecar", url: "http://localhost/", want: { status: 200, body: NGINX_WELCOME } },
    { name: "localhost in a pod with no server is refused", url: "http://localhost/", want: undefined },
  ];
  it.each(cases)("$name", ({ from, url, after, want }) => {
    const net = clusterNetwork(view, byName(from ?? "client"), instant(t0 + (after ?? 1_000)));
    expect(net.httpGet(url)).toEqual(want);
  });
});
