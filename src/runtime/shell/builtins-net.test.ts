import { describe, expect, it } from "vitest";

import { runToCompletion } from "./process";
import { testHost } from "./test-host";

const host = () =>
  testHost({
    dns: { "my-svc": ["10.96.0.20"], "web-0.nginx": ["10.244.0.5"], "nginx": ["10.244.0.5", "10.244.0.6"], "down": ["10.96.0.30"] },
    http: {
      "http://my-svc/": { status: 200, body: "<h1>hello</h1>\n" },
      "http://my-svc:8080/healthz": { status: 500, body: "error\n" },
      "http://my-svc/missing": { status: 404, body: "not found\n" },
      "http://10.244.0.5/": { status: 200, body: "pod\n" },
    },
  });

const HEADER = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n";

const cases: { name: string; script: string; stdout: string; stderr?: string; code?: number; file?: [string, string] }[] = [
  { name: "nslookup prints the addresses of a name", script: "nslookup my-svc", stdout: `${HEADER}Name:\tmy-svc\nAddress: 10.96.0.20\n\n` },
  { name: "nslookup of a headless service prints every address", script: "nslookup nginx", stdout: `${HEADER}Name:\tnginx\nAddress: 10.244.0.5\nName:\tnginx\nAddress: 10.244.0.6\n\n` },
  { name: "nslookup of an unknown name reports NXDOMAIN and fails", script: "nslookup nope", stdout: `${HEADER}** server can't find nope: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n`, code: 1 },
  { name: "wget -q -O- prints only the body", script: "wget -q -O- http://my-svc", stdout: "<h1>hello</h1>\n" },
  { name: "wget -O- reports progress on stderr", script: "wget -O- my-svc", stdout: "<h1>hello</h1>\n", stderr: "Connecting to my-svc (10.96.0.20:80)\nwriting to stdout\nwritten to stdout\n" },
  { name: "wget to an IP address needs no DNS", script: "wget -qO- 10.244.0.5", stdout: "pod\n" },
  { name: "wget fails on an HTTP error status", script: "wget -q -O- http://my-svc:8080/healthz", stdout: "", stderr: "wget: server returned error: HTTP/1.1 500 Internal Server Error\n", code: 1 },
  { name: "wget fails when nothing listens", script: "wget -q -O- http://down", stdout: "", stderr: "wget: can't connect to remote host (10.96.0.30): Connection refused\n", code: 1 },
  { name: "wget fails on a name that does not resolve", script: "wget -q -O- http://nope/", stdout: "", stderr: "wget: bad address 'nope'\n", code: 1 },
  { name: "wget -O FILE saves the body", script: "wget -q -O /page.html http://my-svc/", stdout: "", file: ["/page.html", "<h1>hello</h1>\n"] },
  { name: "wget without -O saves index.html in the directory", script: "wget -q http://my-svc/", stdout: "", file: ["/index.html", "<h1>hello</h1>\n"] },
  { name: "curl prints the body", script: "curl http://my-svc/", stdout: "<h1>hello</h1>\n" },
  { name: "curl prints an error body without failing", script: "curl -s my-svc/missing", stdout: "not found\n" },
  { name: "curl -f fails on an HTTP error status", script: "curl -f my-svc/missing", stdout: "", stderr: "curl: (22) The requested URL returned error: 404\n", code: 22 },
  { name: "curl reports a refused connection", script: "curl http://down:8080/", stdout: "", stderr: "curl: (7) Failed to connect to down port 8080 after 0 ms: Couldn't connect to server\n", code: 7 },
  { name: "curl -s hides the error but keeps the status", script: "curl -s http://down/", stdout: "", code: 7 },
  { name: "curl -sS shows the error", script: "curl -sS http://nope/", stdout: "", stderr: "curl: (6) Could not resolve host: nope\n", code: 6 },
  { name: "wget output can be captured with $(...)", script: 'body=$(wget -q -O- my-svc); echo "got $body"', stdout: "got <h1>hello</h1>\n" },
];

describe("network builtins", () => {
  it.each(cases)("$name", (c) => {
    const h = host();
    const r = runToCompletion(["sh", "-c", c.script], {}, h);
    const text = (s: string) => r.output.filter((o) => o.stream === s).map((o) => o.text).join("");
    expect(text("stdout")).toBe(c.stdout);
    expect(text("stderr")).toBe(c.stderr ?? "");
    expect(r.exitCode).toBe(c.code ?? 0);
    if (c.file) expect(h.fs.read(c.file[0])).toBe(c.file[1]);
  });
});
