import { describe, expect, it } from "vitest";
import type { Instant } from "../../sim/time";
import { instant } from "../../sim/time";
import type { ContainerStartSpec, ModelProcess, ProcessContext } from "./behaviour";
import { catalogImageFor, effectiveArgv, exitOnStart, fillTemplate, httpAnswer, imageProcessFor, startupLogs } from "./behaviour";

const T0 = instant(Date.UTC(2025, 10, 22, 10, 0, 4, 250)); // Saturday 2025-11-22 10:00:04.250 UTC
const at = (s: number): Instant => instant(T0 + s * 1000);
const ctx = (env: Record<string, string> = {}): ProcessContext => ({ startedAt: T0, hostname: "web-0", podIP: "10.244.1.5", env });

function modelOf(image: string, spec: ContainerStartSpec = {}): ModelProcess {
  const p = imageProcessFor(image, spec);
  if (p.kind !== "model") throw new Error(`${image}: expected a model process, got ${JSON.stringify(p)}`);
  return p;
}

describe("catalogImageFor", () => {
  const cases = [
    { name: "finds nginx with no tag", image: "nginx", want: "nginx" },
    { name: "finds nginx by a version tag", image: "nginx:1.14.2", want: "nginx" },
    { name: "finds nginx by a variant tag", image: "nginx:1.27-alpine", want: "nginx" },
    { name: "finds nginx by its fully qualified name", image: "docker.io/library/nginx:stable", want: "nginx" },
    { name: "finds agnhost by its registry path", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", want: "registry.k8s.io/e2e-test-images/agnhost" },
    { name: "finds the old liveness image", image: "registry.k8s.io/liveness", want: "registry.k8s.io/liveness" },
    { name: "does not find an image it does not know", image: "example.com/team/app:v1", want: undefined },
    { name: "does not find an unparsable image", image: "Nginx", want: undefined },
  ];
  it.each(cases)("$name", ({ image, want }) => expect(catalogImageFor(image)?.repository).toBe(want));
});

describe("effectiveArgv follows the four cases of 'Define a Command and Arguments for a Container'", () => {
  const config = { entrypoint: ["/ep-1"], cmd: ["foo", "bar"] };
  const cases = [
    { name: "runs entrypoint and cmd when neither command nor args is given", command: undefined, args: undefined, want: ["/ep-1", "foo", "bar"] },
    { name: "runs command alone when only command is given (cmd is dropped)", command: ["/ep-2"], args: undefined, want: ["/ep-2"] },
    { name: "runs the entrypoint with args when only args are given", command: undefined, args: ["zoo", "boo"], want: ["/ep-1", "zoo", "boo"] },
    { name: "runs command with args when both are given", command: ["/ep-2"], args: ["zoo", "boo"], want: ["/ep-2", "zoo", "boo"] },
    { name: "treats an empty command as not given", command: [], args: undefined, want: ["/ep-1", "foo", "bar"] },
  ];
  it.each(cases)("$name", ({ command, args, want }) => expect(effectiveArgv(config, command, args)).toEqual(want));
});

describe("imageProcessFor decides what runs", () => {
  const cases: { name: string; image: string; spec?: ContainerStartSpec; kind: "model" | "shell"; argv: string[]; model?: string; ports?: number[] }[] = [
    { name: "runs nginx's server by default", image: "nginx:1.14.2", kind: "model", argv: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], model: "serve", ports: [80] },
    { name: "runs nginx's server when args name it", image: "nginx", spec: { args: ["nginx", "-g", "daemon off;"] }, kind: "model", argv: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], model: "serve", ports: [80] },
    { name: "hands a shell after nginx's entrypoint script to the interpreter", image: "nginx", spec: { args: ["sh", "-c", "echo hi"] }, kind: "shell", argv: ["/docker-entrypoint.sh", "sh", "-c", "echo hi"] },
    { name: "hands busybox with a command to the interpreter", image: "busybox:1.28", spec: { command: ["sh", "-c", "sleep 3600"] }, kind: "shell", argv: ["sh", "-c", "sleep 3600"] },
    { name: "hands busybox's sleep to the interpreter", image: "busybox", spec: { command: ["sleep", "3600"] }, kind: "shell", argv: ["sleep", "3600"] },
    { name: "lets busybox's bare sh exit at once", image: "busybox", kind: "model", argv: ["sh"], model: "exit", ports: [] },
    { name: "gives busybox's bare sh with stdin to the interpreter", image: "busybox", spec: { stdin: true }, kind: "shell", argv: ["sh"] },
    { name: "lets ubuntu's bare bash exit at once", image: "ubuntu:22.04", kind: "model", argv: ["/bin/bash"], model: "exit", ports: [] },
    { name: "runs the Job docs' perl bpi(2000) as a computation", image: "perl:5.34.0", spec: { command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }, kind: "model", argv: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"], model: "compute", ports: [] },
    { name: "hands perl with another script to the interpreter", image: "perl:5.34.0", spec: { command: ["perl", "-e", "print 1"] }, kind: "shell", argv: ["perl", "-e", "print 1"] },
    { name: "lets python with no script exit at once", image: "python:3.12", kind: "model", argv: ["python3"], model: "exit", ports: [] },
    { name: "runs redis-server with flags through the entrypoint's flag rule", image: "redis", spec: { args: ["--appendonly", "yes"] }, kind: "model", argv: ["docker-entrypoint.sh", "--appendonly", "yes"], model: "serve", ports: [6379] },
    { name: "runs mysqld by default", image: "mysql:5.6", kind: "model", argv: ["docker-entrypoint.sh", "mysqld"], model: "serve", ports: [3306, 33060] },
    { name: "runs postgres by default", image: "postgres:16", kind: "model", argv: ["docker-entrypoint.sh", "postgres"], model: "serve", ports: [5432] },
    { name: "runs httpd-foreground by default", image: "httpd:2.4", kind: "model", argv: ["httpd-foreground"], model: "serve", ports: [80] },
    { name: "runs the pause binary", image: "registry.k8s.io/pause:3.10", kind: "model", argv: ["/pause"], model: "serve", ports: [] },
    { name: "runs agnhost pause when no args are given", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", kind: "model", argv: ["/agnhost", "pause"], model: "serve", ports: [] },
    { name: "runs agnhost liveness from args", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", spec: { args: ["liveness"] }, kind: "model", argv: ["/agnhost", "liveness"], model: "serve", ports: [8080] },
    { name: "runs agnhost netexec on its default port", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", spec: { args: ["netexec"] }, kind: "model", argv: ["/agnhost", "netexec"], model: "serve", ports: [8080] },
    { name: "moves netexec to --http-port=NUM", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", spec: { args: ["netexec", "--http-port=8081"] }, kind: "model", argv: ["/agnhost", "netexec", "--http-port=8081"], model: "serve", ports: [8081] },
    { name: "moves serve-hostname to --port NUM", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", spec: { args: ["serve-hostname", "--port", "9000"] }, kind: "model", argv: ["/agnhost", "serve-hostname", "--port", "9000"], model: "serve", ports: [9000] },
    { name: "runs the old liveness image's /server from args", image: "registry.k8s.io/liveness", spec: { args: ["/server"] }, kind: "model", argv: ["/server"], model: "serve", ports: [8080] },
    { name: "runs goproxy on 8080", image: "registry.k8s.io/goproxy:0.1", kind: "model", argv: ["/goproxy"], model: "serve", ports: [8080] },
    { name: "runs php-apache for the HPA walkthrough", image: "registry.k8s.io/hpa-example", kind: "model", argv: ["docker-php-entrypoint", "apache2-foreground"], model: "serve", ports: [80] },
    { name: "runs fluentd forever", image: "quay.io/fluentd_elasticsearch/fluentd:v2.5.2", kind: "model", argv: ["/entrypoint.sh", "/run.sh"], model: "serve", ports: [] },
    { name: "runs an unknown image on its declared ports", image: "example.com/team/app:v1", spec: { declaredPorts: [8080, 9090] }, kind: "model", argv: [], model: "serve", ports: [8080, 9090] },
    { name: "runs an unknown image's own command as its default model", image: "example.com/team/app:v1", spec: { command: ["/app"], declaredPorts: [80] }, kind: "model", argv: ["/app"], model: "serve", ports: [80] },
    { name: "hands an unknown image's shell command to the interpreter", image: "example.com/team/app:v1", spec: { command: ["sh", "-c", "echo hi"] }, kind: "shell", argv: ["sh", "-c", "echo hi"] },
    { name: "runs a catalog image without modelled programs as an unknown one", image: "node:20", spec: { declaredPorts: [3000] }, kind: "model", argv: ["docker-entrypoint.sh", "node"], model: "serve", ports: [3000] },
  ];
  it.each(cases)("$name", ({ image, spec, kind, argv, model, ports }) => {
    const p = imageProcessFor(image, spec ?? {});
    expect(p.kind).toBe(kind);
    expect(p.argv).toEqual(argv);
    if (p.kind === "model") {
      expect(p.model.kind).toBe(model);
      expect(p.ports).toEqual(ports);
    }
  });

  it("carries the image's working directory and ENV", () => {
    const p = imageProcessFor("redis:7.2", {});
    expect(p.workingDir).toBe("/data");
    expect(p.imageEnv.PATH).toBe("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    expect(imageProcessFor("busybox", { command: ["true"] }).workingDir).toBe("/");
  });
});

const AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.40";

describe("httpAnswer", () => {
  const cases: { name: string; image: string; spec?: ContainerStartSpec; port: number; path: string; after?: number; want: { status: number; body: string } | undefined }[] = [
    { name: "agnhost liveness answers ok at start", image: AGNHOST, spec: { args: ["liveness"] }, port: 8080, path: "/healthz", after: 0, want: { status: 200, body: "ok" } },
    { name: "agnhost liveness still answers ok at exactly 10s", image: AGNHOST, spec: { args: ["liveness"] }, port: 8080, path: "/healthz", after: 10, want: { status: 200, body: "ok" } },
    { name: "agnhost liveness fails after 10s with its age", image: AGNHOST, spec: { args: ["liveness"] }, port: 8080, path: "/healthz", after: 10.5, want: { status: 500, body: "error: 10.5" } },
    { name: "agnhost liveness fails at 23s", image: AGNHOST, spec: { args: ["liveness"] }, port: 8080, path: "/healthz", after: 23, want: { status: 500, body: "error: 23" } },
    { name: "agnhost liveness answers Go's 404 elsewhere", image: AGNHOST, spec: { args: ["liveness"] }, port: 8080, path: "/", want: { status: 404, body: "404 page not found\n" } },
    { name: "the old liveness image fails after 10s too", image: "registry.k8s.io/liveness", spec: { args: ["/server"] }, port: 8080, path: "/healthz", after: 11, want: { status: 500, body: "error: 11" } },
    { name: "netexec answers /hostname", image: AGNHOST, spec: { args: ["netexec"] }, port: 8080, path: "/hostname", want: { status: 200, body: "web-0" } },
    { name: "netexec echoes msg", image: AGNHOST, spec: { args: ["netexec"] }, port: 8080, path: "/echo?msg=hello%20world", want: { status: 200, body: "hello world" } },
    { name: "netexec answers / with Go's time.Now()", image: AGNHOST, spec: { args: ["netexec"] }, port: 8080, path: "/", after: 2, want: { status: 200, body: "NOW: 2025-11-22 10:00:06.250000000 +0000 UTC m=+2.000000000" } },
    { name: "netexec answers on its --http-port", image: AGNHOST, spec: { args: ["netexec", "--http-port=8081"] }, port: 8081, path: "/hostname", want: { status: 200, body: "web-0" } },
    { name: "netexec does not answer on the default port once moved", image: AGNHOST, spec: { args: ["netexec", "--http-port=8081"] }, port: 8080, path: "/hostname", want: undefined },
    { name: "serve-hostname answers any path with the hostname", image: AGNHOST, spec: { args: ["serve-hostname"] }, port: 9376, path: "/anything", want: { status: 200, body: "web-0" } },
    { name: "nginx 1.14.2 names its version on the 404 page", image: "nginx:1.14.2", port: 80, path: "/missing", want: { status: 404, body: "<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.14.2</center>\n</body>\n</html>\n" } },
    { name: "nginx answers nothing on a port it does not listen on", image: "nginx", port: 8080, path: "/", want: undefined },
    { name: "httpd answers It works!", image: "httpd", port: 80, path: "/", want: { status: 200, body: "<html><body><h1>It works!</h1></body></html>\n" } },
    { name: "php-apache answers OK!", image: "registry.k8s.io/hpa-example", port: 80, path: "/", want: { status: 200, body: "OK!" } },
    { name: "goproxy refuses a non-proxy request", image: "registry.k8s.io/goproxy:0.1", port: 8080, path: "/", want: { status: 500, body: "This is a proxy server. Does not respond to non-proxy requests.\n" } },
    { name: "hello-app 2.0 names its version and host", image: "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0", port: 8080, path: "/", want: { status: 200, body: "Hello, world!\nVersion: 2.0.0\nHostname: web-0\n" } },
    { name: "redis does not speak HTTP", image: "redis", port: 6379, path: "/", want: undefined },
    { name: "an unknown image answers 200 on / on a declared port", image: "example.com/app", spec: { declaredPorts: [8080] }, port: 8080, path: "/", want: { status: 200, body: "" } },
    { name: "an unknown image answers nothing on an undeclared port", image: "example.com/app", spec: { declaredPorts: [8080] }, port: 80, path: "/", want: undefined },
    { name: "the pause container answers nothing", image: "registry.k8s.io/pause:3.10", port: 80, path: "/", want: undefined },
  ];
  it.each(cases)("$name", ({ image, spec, port, path, after, want }) => {
    expect(httpAnswer(modelOf(image, spec), port, path, ctx(), at(after ?? 1))).toEqual(want);
  });

  it("serves nginx's welcome page on /", () => {
    const got = httpAnswer(modelOf("nginx"), 80, "/", ctx(), at(1));
    expect(got?.status).toBe(200);
    expect(got?.body).toContain("<title>Welcome to nginx!</title>");
    expect(got?.body).toContain("<h1>Welcome to nginx!</h1>");
  });

  it("answers nothing from a server that exited for want of its environment", () => {
    expect(httpAnswer(modelOf("mysql:8.0"), 3306, "/", ctx(), at(1))).toBeUndefined();
  });
});

describe("exitOnStart", () => {
  const MYSQL_ERROR = [
    "2025-11-22 10:00:04+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.36-1.el9 started.",
    "2025-11-22 10:00:04+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
    "2025-11-22 10:00:04+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.36-1.el9 started.",
    "2025-11-22 10:00:04+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
    "    You need to specify one of the following as an environment variable:",
    "    - MYSQL_ROOT_PASSWORD",
    "    - MYSQL_ALLOW_EMPTY_PASSWORD",
    "    - MYSQL_RANDOM_ROOT_PASSWORD",
  ];
  const POSTGRES_ERROR = [
    "Error: Database is uninitialized and superuser password is not specified.",
    "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
    '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
    "",
    '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
    "       connections without a password. This is *not* recommended.",
    "",
    '       See PostgreSQL documentation about "trust":',
    "       https://www.postgresql.org/docs/current/auth-trust.html",
  ];
  const cases: { name: string; image: string; env?: Record<string, string>; want: { code: number; logs: string[] } | undefined }[] = [
    { name: "mysql without a password option exits 1 with its error", image: "mysql:8.0.36", want: { code: 1, logs: MYSQL_ERROR } },
    { name: "mysql with an empty root password still exits 1", image: "mysql:8.0.36", env: { MYSQL_ROOT_PASSWORD: "" }, want: { code: 1, logs: MYSQL_ERROR } },
    { name: "mysql with a root password runs", image: "mysql:8.0.36", env: { MYSQL_ROOT_PASSWORD: "password" }, want: undefined },
    { name: "mysql allowing an empty password runs", image: "mysql:5.6", env: { MYSQL_ALLOW_EMPTY_PASSWORD: "1" }, want: undefined },
    { name: "mysql with a random root password runs", image: "mysql", env: { MYSQL_RANDOM_ROOT_PASSWORD: "yes" }, want: undefined },
    { name: "postgres without a password exits 1 with its error", image: "postgres:16", want: { code: 1, logs: POSTGRES_ERROR } },
    { name: "postgres with a password runs", image: "postgres:16", env: { POSTGRES_PASSWORD: "pw" }, want: undefined },
    { name: "postgres with trust auth runs", image: "postgres:16", env: { POSTGRES_HOST_AUTH_METHOD: "trust" }, want: undefined },
    { name: "postgres with md5 auth and no password exits", image: "postgres:16", env: { POSTGRES_HOST_AUTH_METHOD: "md5" }, want: { code: 1, logs: POSTGRES_ERROR } },
    { name: "busybox's bare sh exits 0 silently", image: "busybox", want: { code: 0, logs: [] } },
    { name: "nginx runs on", image: "nginx", want: undefined },
  ];
  it.each(cases)("$name", ({ image, env, want }) => expect(exitOnStart(modelOf(image), ctx(env ?? {}))).toEqual(want));
});

describe("startupLogs", () => {
  it("prints nginx's entrypoint lines then its notices with the tag's version", () => {
    const logs = startupLogs(modelOf("nginx:1.27.3"), ctx());
    expect(logs[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(logs[8]).toBe("/docker-entrypoint.sh: Configuration complete; ready for start up");
    expect(logs[9]).toBe('2025/11/22 10:00:04 [notice] 1#1: using the "epoll" event method');
    expect(logs[10]).toBe("2025/11/22 10:00:04 [notice] 1#1: nginx/1.27.3");
    expect(logs).toHaveLength(16);
  });

  const cases = [
    { name: "httpd names the pod IP and its version", image: "httpd:2.4.62", spec: {}, line: 2, want: "[Sat Nov 22 10:00:04.250000 2025] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations" },
    { name: "httpd warns about its server name with the pod IP", image: "httpd", spec: {}, line: 0, want: "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message" },
    { name: "redis stamps its lines in its own format", image: "redis:7.2.4", spec: {}, line: 1, want: "1:C 22 Nov 2025 10:00:04.250 * Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started" },
    { name: "netexec names the port it serves", image: AGNHOST, spec: { args: ["netexec", "--http-port=8081"] }, line: 0, want: "2025/11/22 10:00:04 Started HTTP server on port 8081" },
    { name: "serve-hostname logs its port", image: AGNHOST, spec: { args: ["serve-hostname"] }, line: 0, want: "2025/11/22 10:00:04 Serving on port 9376." },
    { name: "postgres stamps its LOG lines", image: "postgres:16.4", spec: {}, line: 9, want: "2025-11-22 10:00:04.250 UTC [1] LOG:  database system is ready to accept connections" },
  ];
  it.each(cases)("$name", ({ image, spec, line, want }) => {
    expect(startupLogs(modelOf(image, spec), ctx({ POSTGRES_PASSWORD: "pw" }))[line]).toBe(want);
  });

  it("prints nothing for a server that exits for want of its environment (exitOnStart has its lines)", () => {
    expect(startupLogs(modelOf("mysql"), ctx())).toEqual([]);
  });
});

describe("fillTemplate", () => {
  it("leaves an unknown placeholder as written", () => {
    expect(fillTemplate("{{nope}} {{version}}", { version: "1.0", ports: [] }, { hostname: "h" }, T0)).toBe("{{nope}} 1.0");
  });

  // 2025-11-22T10:00:04.056Z, a Saturday; the process started 1.5 s before.
  const at = instant(Date.UTC(2025, 10, 22, 10, 0, 4, 56));
  const proc = { version: "1.27.3", ports: [80, 443] };
  const withIP = { hostname: "web-0", podIP: "10.244.1.2", startedAt: instant(at - 1500) };
  it.each([
    { text: "{{version}} on {{port}}", want: "1.27.3 on 80" },
    { text: "{{hostname}} {{podIP}}", want: "web-0 10.244.1.2" },
    { text: "{{nginxTime}} [notice] 1#1: start worker processes", want: "2025/11/22 10:00:04 [notice] 1#1: start worker processes" },
    { text: "{{goLogTime}}", want: "2025/11/22 10:00:04" },
    { text: "{{mysqlTime}}", want: "2025-11-22 10:00:04+00:00" },
    { text: "[{{apacheTime}}] [mpm_event:notice]", want: "[Sat Nov 22 10:00:04.056000 2025] [mpm_event:notice]" },
    { text: "1:M {{redisTime}} * Ready", want: "1:M 22 Nov 2025 10:00:04.056 * Ready" },
    { text: "{{pgTime}} [1] LOG:", want: "2025-11-22 10:00:04.056 UTC [1] LOG:" },
    { text: "{{goNow}}", want: "2025-11-22 10:00:04.056000000 +0000 UTC m=+1.500000000" },
    { text: "{{nginxTime}} and {{nginxTime}}", want: "2025/11/22 10:00:04 and 2025/11/22 10:00:04" },
  ])("fills $text", ({ text, want }) => {
    expect(fillTemplate(text, proc, withIP, at)).toBe(want);
  });

  it("answers 127.0.0.1 for the pod IP of a process without one, and 0 s of monotonic time without a start", () => {
    expect(fillTemplate("{{podIP}} {{goNow}}", proc, { hostname: "h" }, at)).toBe("127.0.0.1 2025-11-22 10:00:04.056000000 +0000 UTC m=+0.000000000");
  });
});
