// Port of pkg/api/v1/endpoints/util.go RepackSubsets (kubernetes v1.32): merge per-address
// subsets so that addresses with the same set of ports share one subset, each address once,
// sorted by IP (LessEndpointAddress compares the IP bytes, then the target's uid).

export interface Subset {
  addresses?: any[];
  notReadyAddresses?: any[];
  ports?: any[];
}

const portKey = (ports: readonly any[] | undefined): string =>
  JSON.stringify([...(ports ?? [])].map((p) => [p.name ?? "", p.port, p.protocol, p.appProtocol ?? ""]).sort());
const addressKey = (a: any): string => `${a.ip}/${a.targetRef?.uid ?? ""}`;
const lessAddress = (a: any, b: any): number => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : addressKey(a) < addressKey(b) ? -1 : addressKey(a) > addressKey(b) ? 1 : 0);

export function repackSubsets(subsets: readonly Subset[]): Subset[] {
  // address → its ports (ready and not-ready kept apart, as upstream's two maps do).
  const allAddrs = new Map<string, { addr: any; ready: boolean; ports: Map<string, any> }>();
  for (const ss of subsets) {
    for (const [list, ready] of [[ss.addresses ?? [], true], [ss.notReadyAddresses ?? [], false]] as const) {
      for (const addr of list) {
        const k = `${ready}/${addressKey(addr)}`;
        let entry = allAddrs.get(k);
        if (!entry) allAddrs.set(k, (entry = { addr, ready, ports: new Map() }));
        for (const p of ss.ports ?? []) entry.ports.set(portKey([p]), p);
      }
    }
  }
  // Group addresses by their port set.
  const byPorts = new Map<string, Subset>();
  for (const { addr, ready, ports } of allAddrs.values()) {
    const list = [...ports.values()];
    const k = portKey(list);
    let ss = byPorts.get(k);
    if (!ss) byPorts.set(k, (ss = { ports: list }));
    if (ready) (ss.addresses ??= []).push(addr);
    else (ss.notReadyAddresses ??= []).push(addr);
  }
  const out: Subset[] = [];
  for (const ss of byPorts.values()) {
    const subset: Subset = {};
    if (ss.addresses) subset.addresses = [...ss.addresses].sort(lessAddress);
    if (ss.notReadyAddresses) subset.notReadyAddresses = [...ss.notReadyAddresses].sort(lessAddress);
    if ((ss.ports ?? []).length > 0) subset.ports = ss.ports;
    out.push(subset);
  }
  // SortSubsets orders by a hash of each subset; kubesim orders by the first address instead.
  return out.sort((a, b) => lessAddress((a.addresses ?? a.notReadyAddresses)![0], (b.addresses ?? b.notReadyAddresses)![0]));
}
