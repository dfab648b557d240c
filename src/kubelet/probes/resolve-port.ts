// A probe's port: a number, or the name of one of the container's ports. Port of
// pkg/probe/util.go ResolveContainerPort (and findPortByName): a name that is not a container
// port is tried as a number ("8080"), and otherwise errors with strconv.Atoi's text.

export type PortResult = { readonly ok: true; readonly port: number } | { readonly ok: false; readonly error: string };

export function resolveContainerPort(param: number | string, ports: readonly { name?: string; containerPort: number }[] | undefined): PortResult {
  let port: number;
  if (typeof param === "number") port = param;
  else {
    const named = (ports ?? []).find((p) => p.name === param);
    if (named) port = named.containerPort;
    else if (/^[+-]?\d+$/.test(param)) port = Number(param);
    else return { ok: false, error: `strconv.Atoi: parsing "${param}": invalid syntax` };
  }
  if (port > 0 && port < 65536) return { ok: true, port };
  return { ok: false, error: `invalid port number: ${port}` };
}
