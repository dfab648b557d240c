// What the catalog images' programs do when started, as data (shapes in model.ts). The
// catalog entries point at these; behaviour.ts interprets them.

import type { ImageProgram, ServeModel } from "./model";
import * as T from "./texts";

const SHELLS = ["sh", "/bin/sh", "ash", "/bin/ash", "bash", "/bin/bash"];

/** A shell started with no script and no stdin reads end-of-file and exits 0 at once. */
export const BARE_SHELL: ImageProgram = { names: SHELLS, bareOnly: true, model: { kind: "exit", code: 0 } };

export const NGINX: ImageProgram = {
  names: ["nginx", "/usr/sbin/nginx"],
  model: {
    kind: "serve",
    ports: [80],
    docRoot: "/usr/share/nginx/html",
    http: [
      { path: "/", answer: { kind: "static", status: 200, body: T.NGINX_WELCOME } },
      { path: "/index.html", answer: { kind: "static", status: 200, body: T.NGINX_WELCOME } },
      { path: "/*", answer: { kind: "static", status: 404, body: T.NGINX_404 } },
    ],
    logs: T.NGINX_LOGS,
  },
};

export const HTTPD: ImageProgram = {
  names: ["httpd-foreground", "httpd", "/usr/local/apache2/bin/httpd"],
  model: {
    kind: "serve",
    ports: [80],
    docRoot: "/usr/local/apache2/htdocs",
    http: [
      { path: "/", answer: { kind: "static", status: 200, body: T.HTTPD_INDEX } },
      { path: "/index.html", answer: { kind: "static", status: 200, body: T.HTTPD_INDEX } },
      { path: "/*", answer: { kind: "static", status: 404, body: T.HTTPD_404 } },
    ],
    logs: T.HTTPD_LOGS,
  },
};

export const REDIS: ImageProgram = { names: ["redis-server", "/usr/local/bin/redis-server"], model: { kind: "serve", ports: [6379], logs: T.REDIS_LOGS } };

export const MYSQLD: ImageProgram = {
  names: ["mysqld", "/usr/sbin/mysqld"],
  model: {
    kind: "serve",
    ports: [3306, 33060],
    logs: T.MYSQL_LOGS,
    // The entrypoint tests each with `[ -z "$VAR" ]`: set but empty does not count.
    requires: {
      anyOf: [{ name: "MYSQL_ROOT_PASSWORD" }, { name: "MYSQL_ALLOW_EMPTY_PASSWORD" }, { name: "MYSQL_RANDOM_ROOT_PASSWORD" }],
      exitCode: 1,
      logs: T.MYSQL_NO_PASSWORD_LOGS,
    },
  },
};

export const POSTGRES: ImageProgram = {
  names: ["postgres", "/usr/lib/postgresql/17/bin/postgres"],
  model: {
    kind: "serve",
    ports: [5432],
    logs: T.POSTGRES_LOGS,
    requires: {
      anyOf: [{ name: "POSTGRES_PASSWORD" }, { name: "POSTGRES_HOST_AUTH_METHOD", equals: "trust" }],
      exitCode: 1,
      logs: T.POSTGRES_NO_PASSWORD_LOGS,
    },
  },
};

/** `python3` and `perl` with no script read it from stdin; with none attached they exit 0. */
export const PYTHON_REPL: ImageProgram = { names: ["python3", "python", "python2"], bareOnly: true, model: { kind: "exit", code: 0 } };
const PERL = ["perl", "/usr/local/bin/perl", "/usr/bin/perl"];
export const PERL_STDIN: ImageProgram = { names: PERL, bareOnly: true, model: { kind: "exit", code: 0 } };

/**
 * The Job docs' `perl -Mbignum=bpi -wle 'print bpi(2000)'`: π to N significant digits on one
 * line. The switches may be -wle, -lwe or -le (-l ends the line); N is 1 to 10000 (perl's
 * two minutes; more digits would cost kubesim whole seconds of real time).
 */
export const PERL_BPI: ImageProgram = {
  names: PERL,
  args: ["-Mbignum=bpi", "-(?:w?l|lw)e", "\\s*print\\s+bpi\\(\\s*([1-9]\\d{0,3}|10000)\\s*\\)\\s*;?\\s*"],
  model: { kind: "compute", computes: "bpi" },
};

/** The pause container: sleeps until signalled. */
export const PAUSE: ImageProgram = { names: ["/pause", "pause"], model: { kind: "serve", ports: [] } };

// test/images/agnhost: one binary, the subcommand in argv[1].
const AGNHOST = ["/agnhost", "agnhost"];

/** agnhost liveness (test/images/agnhost/liveness/server.go): healthy for 10 seconds. */
const LIVENESS_SERVER: ServeModel = {
  kind: "serve",
  ports: [8080],
  http: [
    { path: "/healthz", answer: { kind: "healthy-for", seconds: 10 } },
    { path: "/*", answer: { kind: "static", status: 404, body: T.GO_404 } },
  ],
};

export const AGNHOST_PROGRAMS: readonly ImageProgram[] = [
  { names: AGNHOST, subcommand: "liveness", model: LIVENESS_SERVER },
  {
    names: AGNHOST,
    subcommand: "netexec",
    model: {
      kind: "serve",
      ports: [8080],
      portFlag: "--http-port",
      http: [
        { path: "/hostname", answer: { kind: "hostname" } },
        { path: "/hostName", answer: { kind: "hostname" } },
        { path: "/echo", answer: { kind: "query", param: "msg" } },
        { path: "/healthz", answer: { kind: "static", status: 200, body: "" } },
        { path: "/*", answer: { kind: "static", status: 200, body: "NOW: {{goNow}}" } },
      ],
      // The UDP server's address is empty unless --udp-listen-addresses is given: hence two spaces.
      logs: ["{{goLogTime}} Started HTTP server on port {{port}}", "{{goLogTime}} Started UDP server on port  8081"],
    },
  },
  {
    names: AGNHOST,
    subcommand: "serve-hostname",
    model: { kind: "serve", ports: [9376], portFlag: "--port", http: [{ path: "/*", answer: { kind: "hostname" } }], logs: ["{{goLogTime}} Serving on port {{port}}."] },
  },
  { names: AGNHOST, subcommand: "pause", model: { kind: "serve", ports: [], logs: ["Paused"] } },
];

/** The older registry.k8s.io/liveness image's /server: the same server as agnhost liveness. */
export const LIVENESS: ImageProgram = { names: ["/server", "server"], model: LIVENESS_SERVER };

/** elazarl/goproxy as registry.k8s.io/goproxy: a forward proxy on 8080. */
export const GOPROXY: ImageProgram = {
  names: ["/goproxy", "goproxy"],
  model: { kind: "serve", ports: [8080], http: [{ path: "/*", answer: { kind: "static", status: 500, body: T.GOPROXY_NON_PROXY } }] },
};

/** hpa-example's index.php burns CPU on a sqrt loop, then prints "OK!". */
export const PHP_APACHE: ImageProgram = {
  names: ["apache2-foreground"],
  model: {
    kind: "serve",
    ports: [80],
    http: [
      { path: "/", answer: { kind: "static", status: 200, body: "OK!" } },
      { path: "/index.php", answer: { kind: "static", status: 200, body: "OK!" } },
      { path: "/*", answer: { kind: "static", status: 404, body: T.PHP_APACHE_404 } },
    ],
    logs: T.PHP_APACHE_LOGS,
  },
};

export const GUESTBOOK: ImageProgram = {
  names: ["apache2-foreground"],
  model: { kind: "serve", ports: [80], http: [{ path: "/", answer: { kind: "static", status: 200, body: T.GUESTBOOK_INDEX } }], logs: T.PHP_APACHE_LOGS },
};

/** hello-app (GKE samples): main.go's three Fprintf lines. */
export const HELLO_APP: ImageProgram = {
  names: ["/hello-app", "hello-app"],
  model: {
    kind: "serve",
    ports: [8080],
    http: [{ path: "/*", answer: { kind: "static", status: 200, body: "Hello, world!\nVersion: {{version}}\nHostname: {{hostname}}\n" } }],
    logs: ["{{goLogTime}} Server listening on port 8080"],
  },
};

/** fluentd tailing /var/log/containers and shipping to Elasticsearch: runs, serves nothing the docs use. */
export const FLUENTD: ImageProgram = { names: ["/entrypoint.sh", "/run.sh", "fluentd"], model: { kind: "serve", ports: [] } };

/**
 * stress (polinux/stress, the docs' "Assign Memory Resources" task): with `--vm N` it runs N
 * workers that each allocate `--vm-bytes` (256M by default) and, with --vm-hang, hold it.
 */
export const STRESS: ImageProgram = {
  names: ["stress", "/usr/bin/stress", "/usr/local/bin/stress"],
  model: { kind: "serve", ports: [], allocates: { workersFlag: "--vm", bytesFlag: "--vm-bytes", defaultBytes: 256 * 2 ** 20 } },
};
