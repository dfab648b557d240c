// Network builtins over the simulated cluster network: busybox nslookup and wget, and
// curl, with their real output and error texts.

import { resolvePath } from "./command";
import type { Builtin, CommandContext } from "./command";
import { fsMessage } from "./builtins-fs";

/** The cluster DNS Service address kubelets put in pods' resolv.conf by default. */
const CLUSTER_DNS = "10.96.0.10";

const REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
  500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

export const nslookup: Builtin = (args, ctx) => {
  const name = args.find((a) => !a.startsWith("-"));
  if (name === undefined) {
    ctx.err("BusyBox nslookup: missing NAME\n");
    return 1;
  }
  const addresses = ctx.host.net.resolve(name);
  if (isOldBusybox(ctx)) return oldNslookup(name, addresses, ctx);
  let out = `Server:\t\t${CLUSTER_DNS}\nAddress:\t${CLUSTER_DNS}:53\n\n`;
  if (addresses === undefined || addresses.length === 0) {
    // busybox asks for A and AAAA records and reports each failure.
    out += `** server can't find ${name}: NXDOMAIN\n\n`.repeat(2);
    ctx.out(out);
    return 1;
  }
  for (const a of addresses) out += `Name:\t${name}\nAddress: ${a}\n`;
  ctx.out(`${out}\n`);
  return 0;
};

/**
 * BusyBox before 1.29 (busybox:1.28, which the docs' DNS examples use) had the older nslookup
 * with the resolver's own output; the image's /bin/busybox says which version runs.
 */
function isOldBusybox(ctx: CommandContext): boolean {
  const m = /^BusyBox v1\.(\d+)\./.exec(ctx.host.fs.read("/bin/busybox") ?? "");
  return m !== null && Number(m[1]) < 29;
}

/** busybox 1.28's nslookup: "Address 1:" lines with the PTR name, "can't resolve" on failure. */
function oldNslookup(name: string, addresses: string[] | undefined, ctx: CommandContext): number {
  const line = (ip: string, i: number) => {
    const ptr = ctx.host.net.reverse?.(ip);
    return `Address ${i + 1}: ${ip}${ptr ? ` ${ptr}` : ""}\n`;
  };
  const server = `Server:    ${CLUSTER_DNS}\n${line(CLUSTER_DNS, 0)}\n`;
  if (addresses === undefined || addresses.length === 0) {
    ctx.out(server);
    ctx.err(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  ctx.out(`${server}Name:      ${name}\n${addresses.map(line).join("")}`);
  return 0;
}

interface Target {
  url: string;
  host: string;
  port: string;
  /** The address connected to, or undefined when the name does not resolve. */
  ip: string | undefined;
}

function target(raw: string, ctx: CommandContext): Target | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return undefined;
  }
  const host = url.hostname;
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : ctx.host.net.resolve(host)?.[0];
  return { url: url.href, host, port, ip };
}

/** busybox wget [-q] [-O FILE|-O-] URL. */
export const wget: Builtin = (args, ctx) => {
  let quiet = false;
  let output: string | undefined;
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--quiet") quiet = true;
    else if (a === "-T" || a === "-t" || a === "-U") i++;
    else if (/^-[a-zA-Z]/.test(a)) {
      // Short flags combine (`-qO-`); O takes the rest of the word or the next one.
      for (let j = 1; j < a.length; j++) {
        if (a[j] === "q") quiet = true;
        else if (a[j] === "O") {
          output = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          break;
        }
      }
    } else if (!a.startsWith("-")) raw = a;
  }
  if (raw === undefined) {
    ctx.err("wget: missing URL\n");
    return 1;
  }
  const t = target(raw, ctx);
  if (t === undefined || t.ip === undefined) {
    ctx.err(`wget: bad address '${t?.host ?? raw}'\n`);
    return 1;
  }
  const hostPort = t.url.includes(`${t.host}:${t.port}`) ? `${t.host}:${t.port}` : t.host;
  if (!quiet) ctx.err(`Connecting to ${hostPort} (${t.ip}:${t.port})\n`);
  const res = ctx.host.net.httpGet(t.url);
  if (res === undefined) {
    ctx.err(`wget: can't connect to remote host (${t.ip}): Connection refused\n`);
    return 1;
  }
  if (res.status >= 400) {
    ctx.err(`wget: server returned error: HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ""}`.trimEnd() + "\n");
    return 1;
  }
  const file = output ?? (new URL(t.url).pathname.split("/").pop() || "index.html");
  if (file === "-") {
    if (!quiet) ctx.err("writing to stdout\n");
    ctx.out(res.body);
    if (!quiet) ctx.err("written to stdout\n");
    return 0;
  }
  if (!quiet) ctx.err(`saving to '${file}'\n`);
  try {
    ctx.host.fs.write(resolvePath(ctx.cwd, file), res.body);
  } catch (err) {
    ctx.err(`wget: can't open '${file}': ${fsMessage(err)}\n`);
    return 1;
  }
  if (!quiet) ctx.err(`'${file}' saved\n`);
  return 0;
};

/** curl [-sSfL] [-o FILE] URL: the body on stdout; errors as curl words them. */
export const curl: Builtin = (args, ctx) => {
  let silent = false;
  let showErrors = false;
  let fail = false;
  let output: string | undefined;
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output") output = args[++i];
    else if (a === "-m" || a === "--max-time" || a === "-H" || a === "-w" || a === "--connect-timeout") i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      silent ||= a.includes("s");
      showErrors ||= a.includes("S");
      fail ||= a.includes("f");
    } else if (a === "--silent") silent = true;
    else if (a === "--fail") fail = true;
    else if (!a.startsWith("-")) raw = a;
  }
  const report = (code: number, message: string): number => {
    if (!silent || showErrors) ctx.err(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (raw === undefined) return report(2, "no URL specified");
  const t = target(raw, ctx);
  if (t === undefined) return report(3, "URL rejected: Malformed input to a URL function");
  if (t.ip === undefined) return report(6, `Could not resolve host: ${t.host}`);
  const res = ctx.host.net.httpGet(t.url);
  if (res === undefined) {
    return report(7, `Failed to connect to ${t.host} port ${t.port} after 0 ms: Couldn't connect to server`);
  }
  if (fail && res.status >= 400) return report(22, `The requested URL returned error: ${res.status}`);
  if (output === undefined || output === "-") {
    ctx.out(res.body);
    return 0;
  }
  try {
    ctx.host.fs.write(resolvePath(ctx.cwd, output), res.body);
  } catch (err) {
    return report(23, `Failure writing output to destination: ${fsMessage(err)}`);
  }
  return 0;
};
