import { describe, expect, it } from "vitest";
import { podEtcFiles } from "./pod-etc-files";

const HOSTS_HEADER =
  "# Kubernetes-managed hosts file.\n" +
  "127.0.0.1\tlocalhost\n" +
  "::1\tlocalhost ip6-localhost ip6-loopback\n" +
  "fe00::0\tip6-localnet\n" +
  "fe00::0\tip6-mcastprefix\n" +
  "fe00::1\tip6-allnodes\n" +
  "fe00::2\tip6-allrouters\n";

describe("podEtcFiles", () => {
  const cases = [
    {
      name: "writes the hostname with a newline",
      input: { hostname: "web-0", namespace: "default", podIPs: ["10.244.1.2"] },
      path: "/etc/hostname",
      want: "web-0\n",
    },
    {
      name: "writes a kind pod's resolv.conf for its namespace",
      input: { hostname: "web", namespace: "shop", podIPs: ["10.244.1.2"] },
      path: "/etc/resolv.conf",
      want: "search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    },
    {
      name: "writes the managed hosts file with the pod's address",
      input: { hostname: "web", namespace: "default", podIPs: ["10.244.1.2"] },
      path: "/etc/hosts",
      want: HOSTS_HEADER + "10.244.1.2\tweb\n",
    },
    {
      name: "adds the FQDN of a pod with a subdomain",
      input: { hostname: "web-0", namespace: "default", podIPs: ["10.244.2.5"], subdomain: "nginx" },
      path: "/etc/hosts",
      want: HOSTS_HEADER + "10.244.2.5\tweb-0.nginx.default.svc.cluster.local\tweb-0\n",
    },
    {
      name: "appends hostAliases after their header",
      input: {
        hostname: "web",
        namespace: "default",
        podIPs: ["10.244.1.2"],
        hostAliases: [{ ip: "127.0.0.1", hostnames: ["foo.local", "bar.local"] }],
      },
      path: "/etc/hosts",
      want: HOSTS_HEADER + "10.244.1.2\tweb\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n",
    },
  ];
  it.each(cases)("$name", ({ input, path, want }) => expect(podEtcFiles(input)[path]).toBe(want));
});
