// The files the kubelet bind-mounts into every container of a pod: /etc/hostname, /etc/hosts
// (pkg/kubelet/kubelet_pods.go managedHostsFileContent) and /etc/resolv.conf (ClusterFirst DNS,
// as a kind cluster writes it).

export interface HostAlias {
  ip: string;
  hostnames: string[];
}

export interface PodEtcInput {
  /** The pod's hostname (spec.hostname or the pod name). */
  hostname: string;
  namespace: string;
  podIPs: string[];
  /** spec.subdomain: adds the FQDN "<hostname>.<subdomain>.<ns>.svc.<domain>" to /etc/hosts. */
  subdomain?: string;
  hostAliases?: HostAlias[];
  clusterDomain?: string;
  nameserver?: string;
}

/**
 * The three files by absolute path, to be merged into the image's files.
 * @example podEtcFiles({ hostname: "web", namespace: "default", podIPs: ["10.244.1.2"] })["/etc/hostname"] === "web\n"
 */
export function podEtcFiles(input: PodEtcInput): Record<string, string> {
  const domain = input.clusterDomain ?? "cluster.local";
  const nameserver = input.nameserver ?? "10.96.0.10";
  return {
    "/etc/hostname": `${input.hostname}\n`,
    "/etc/hosts": managedHostsFileContent(input, domain),
    "/etc/resolv.conf":
      `search ${input.namespace}.svc.${domain} svc.${domain} ${domain}\n` +
      `nameserver ${nameserver}\n` +
      "options ndots:5\n",
  };
}

function managedHostsFileContent(input: PodEtcInput, domain: string): string {
  let out =
    "# Kubernetes-managed hosts file.\n" +
    "127.0.0.1\tlocalhost\n" +
    "::1\tlocalhost ip6-localhost ip6-loopback\n" +
    "fe00::0\tip6-localnet\n" +
    "fe00::0\tip6-mcastprefix\n" +
    "fe00::1\tip6-allnodes\n" +
    "fe00::2\tip6-allrouters\n";
  const hostDomain = input.subdomain ? `${input.subdomain}.${input.namespace}.svc.${domain}` : "";
  for (const ip of input.podIPs) {
    out += hostDomain ? `${ip}\t${input.hostname}.${hostDomain}\t${input.hostname}\n` : `${ip}\t${input.hostname}\n`;
  }
  if (input.hostAliases && input.hostAliases.length > 0) {
    out += "\n# Entries added by HostAliases.\n";
    for (const a of input.hostAliases) out += `${a.ip}\t${a.hostnames.join("\t")}\n`;
  }
  return out;
}
