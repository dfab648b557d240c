import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types/meta";
import { serviceEnv } from "./service-env";

const svc = (namespace: string, name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec });

const kubernetes = svc("default", "kubernetes", { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] });
const redis = svc("shop", "redis-primary", { clusterIP: "10.96.12.7", ports: [{ port: 6379 }] });
const web = svc("shop", "web", { clusterIP: "10.96.3.3", ports: [{ name: "http", port: 80 }, { name: "dns", port: 53, protocol: "UDP" }] });
const headless = svc("shop", "db", { clusterIP: "None", ports: [{ port: 5432 }] });
const external = svc("shop", "ext", { type: "ExternalName", externalName: "example.com" });
const otherNs = svc("other", "api", { clusterIP: "10.96.9.9", ports: [{ port: 8080 }] });

describe("serviceEnv (envvars.FromServices over getServiceEnvVarMap)", () => {
  it("gives the kubernetes Service's variables to every pod, exactly as a kind pod sees them", () => {
    expect(serviceEnv([kubernetes], "default", true)).toEqual({
      KUBERNETES_SERVICE_HOST: "10.96.0.1",
      KUBERNETES_SERVICE_PORT: "443",
      KUBERNETES_SERVICE_PORT_HTTPS: "443",
      KUBERNETES_PORT: "tcp://10.96.0.1:443",
      KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
      KUBERNETES_PORT_443_TCP_PROTO: "tcp",
      KUBERNETES_PORT_443_TCP_PORT: "443",
      KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
    });
  });

  it("names variables after the Service with dashes as underscores, one link block per port", () => {
    const env = serviceEnv([kubernetes, redis, web], "shop", true);
    expect(env.REDIS_PRIMARY_SERVICE_HOST).toBe("10.96.12.7");
    expect(env.REDIS_PRIMARY_PORT).toBe("tcp://10.96.12.7:6379");
    expect(env.WEB_SERVICE_PORT).toBe("80");
    expect(env.WEB_SERVICE_PORT_HTTP).toBe("80");
    expect(env.WEB_SERVICE_PORT_DNS).toBe("53");
    expect(env.WEB_PORT_53_UDP).toBe("udp://10.96.3.3:53");
    expect(env.WEB_PORT_53_UDP_PROTO).toBe("udp");
    expect(env.KUBERNETES_SERVICE_HOST).toBe("10.96.0.1");
  });

  it.each([
    ["a headless Service", headless, "DB_SERVICE_HOST"],
    ["an ExternalName Service", external, "EXT_SERVICE_HOST"],
    ["a Service of another namespace", otherNs, "API_SERVICE_HOST"],
  ])("gives nothing for %s", (_what, s, variable) => {
    expect(serviceEnv([kubernetes, s], "shop", true)).not.toHaveProperty(variable);
  });

  it("keeps only the kubernetes Service when enableServiceLinks is false", () => {
    const env = serviceEnv([kubernetes, redis], "shop", false);
    expect(env).not.toHaveProperty("REDIS_PRIMARY_SERVICE_HOST");
    expect(env.KUBERNETES_SERVICE_HOST).toBe("10.96.0.1");
  });

  it("lets a namespace's own Service named kubernetes override the default one", () => {
    const own = svc("shop", "kubernetes", { clusterIP: "10.96.50.50", ports: [{ port: 80 }] });
    expect(serviceEnv([kubernetes, own], "shop", true).KUBERNETES_SERVICE_HOST).toBe("10.96.50.50");
  });
});
