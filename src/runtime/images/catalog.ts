// The images the Kubernetes documentation and tutorials use, as data: which tags exist and
// how big each image is, and (config, programs) what runs when a container starts from it:
// the image config's Entrypoint/Cmd/WorkingDir/Env as `docker inspect` shows them, and the
// behaviour of its programs (programs.ts; shapes in model.ts; read by behaviour.ts). An image not listed here pulls and runs
// forever (DESIGN.md); a listed image with a tag it does not have fails to pull, as
// `nginx:1.161` does in the Deployment docs.
//
// Tag lists are real tags of the public registries. Where a registry publishes every patch
// release, `series` lists them; where kubesim does not know an image's tags, `tags` is left
// out and every tag pulls (better to accept a tag that does not exist than to refuse one that
// does: a manifest that works on a real cluster must work here).

import type { ImageConfig, ImageProgram } from "./model";
import * as P from "./programs";

export interface CatalogImage {
  /** As users write it: "nginx", "registry.k8s.io/pause" (normalised when looked up). */
  readonly repository: string;
  /** Tags that exist; absent means "any tag". */
  readonly tags?: readonly string[];
  /** Suffixes published on the tags: with "alpine", "1.27" also exists as "1.27-alpine". */
  readonly variants?: readonly string[];
  /** Compressed linux/amd64 size in bytes (what the Pulled event reports). */
  readonly size: number;
  /** The image config; absent for an image whose config kubesim does not model. */
  readonly config?: ImageConfig;
  /** Its programs that kubesim models; any other argv goes to the shell interpreter. */
  readonly programs?: readonly ImageProgram[];
  /** The software version `latest` carries, for {{version}} in texts (a full x.y.z tag wins). */
  readonly version?: string;
  /** Versions of tags that are not themselves x.y.z ("2.0" → "2.0.0"). */
  readonly tagVersions?: Readonly<Record<string, string>>;
}

const DEBIAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const shellImage = (shell: string): Pick<CatalogImage, "config" | "programs"> => ({
  config: { cmd: [shell], env: { PATH: DEBIAN_PATH } },
  programs: [P.BARE_SHELL],
});

/** `series("1.27", 5)` → "1.27", "1.27.0" … "1.27.5": a minor line and its patch releases. */
function series(minor: string, lastPatch: number, firstPatch = 0): string[] {
  const out = [minor];
  for (let p = firstPatch; p <= lastPatch; p++) out.push(`${minor}.${p}`);
  return out;
}

/** Several minor lines: `lines([["1.26", 3], ["1.27", 5]])`. */
const lines = (spec: readonly (readonly [string, number])[]): string[] => spec.flatMap(([minor, last]) => series(minor, last));

export const IMAGE_CATALOG: readonly CatalogImage[] = [
  {
    repository: "nginx",
    tags: [
      "latest", "stable", "mainline", "1", "alpine", "alpine-slim", "perl", "alpine-perl", "bookworm", "bookworm-perl", "otel", "alpine-otel",
      ...lines([
        ["1.7", 12], ["1.8", 1], ["1.9", 15], ["1.10", 3], ["1.11", 13], ["1.12", 2], ["1.13", 12], ["1.14", 2],
        ["1.15", 12], ["1.16", 1], ["1.17", 10], ["1.18", 0], ["1.19", 10], ["1.20", 2], ["1.21", 6], ["1.22", 1],
        ["1.23", 4], ["1.24", 0], ["1.25", 5], ["1.26", 3], ["1.27", 5], ["1.28", 0], ["1.29", 1],
      ]),
    ],
    variants: ["alpine", "alpine-slim", "perl", "alpine-perl", "bookworm", "bookworm-perl", "bullseye", "bullseye-perl", "otel", "alpine-otel"],
    size: 72953636,
    version: "1.29.1",
    config: {
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
      env: { PATH: DEBIAN_PATH, NGINX_VERSION: "1.29.1", NJS_VERSION: "0.9.1", PKG_RELEASE: "1~bookworm" },
      wrappers: [{ path: "/docker-entrypoint.sh" }],
    },
    programs: [P.NGINX],
  },
  {
    repository: "httpd",
    tags: ["latest", "2", "alpine", "bookworm", ...series("2.2", 34, 31), ...series("2.4", 65, 10)],
    variants: ["alpine", "bookworm", "bullseye"],
    size: 58172374,
    version: "2.4.65",
    config: { cmd: ["httpd-foreground"], workingDir: "/usr/local/apache2", env: { PATH: `/usr/local/apache2/bin:${DEBIAN_PATH}`, HTTPD_PREFIX: "/usr/local/apache2" } },
    programs: [P.HTTPD],
  },
  {
    repository: "redis",
    tags: [
      "latest", "alpine", "bookworm", "2", "3", "4", "5", "6", "7", "8",
      ...lines([["2.8", 23], ["3.0", 7], ["3.2", 12], ["4.0", 14], ["5.0", 14], ["6.0", 20], ["6.2", 19], ["7.0", 15], ["7.2", 10], ["7.4", 5], ["8.0", 3]]),
    ],
    variants: ["alpine", "bookworm", "bullseye"],
    size: 45142624,
    version: "8.2.1",
    config: {
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["redis-server"],
      workingDir: "/data",
      env: { PATH: DEBIAN_PATH },
      wrappers: [{ path: "docker-entrypoint.sh", flagsGoTo: "redis-server" }],
    },
    programs: [P.REDIS],
  },
  {
    repository: "busybox",
    tags: [
      "latest", "stable", "unstable", "glibc", "musl", "uclibc", "1", "1.24", "1.25", "1.26",
      ...lines([["1.27", 2], ["1.28", 4], ["1.29", 3], ["1.30", 1], ["1.31", 1], ["1.32", 1], ["1.33", 1], ["1.34", 1], ["1.35", 0], ["1.36", 1], ["1.37", 0]]),
    ],
    variants: ["glibc", "musl", "uclibc"],
    size: 2167176,  config: { cmd: ["sh"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" } }, programs: [P.BARE_SHELL],
  },
  {
    repository: "alpine",
    tags: [
      "latest", "edge", "3",
      ...lines([
        ["3.4", 6], ["3.5", 3], ["3.6", 5], ["3.7", 3], ["3.8", 5], ["3.9", 6], ["3.10", 9], ["3.11", 13], ["3.12", 12],
        ["3.13", 12], ["3.14", 10], ["3.15", 11], ["3.16", 9], ["3.17", 10], ["3.18", 12], ["3.19", 8], ["3.20", 7], ["3.21", 4], ["3.22", 1],
      ]),
    ],
    size: 3623807,  config: { cmd: ["/bin/sh"], env: { PATH: DEBIAN_PATH } }, programs: [P.BARE_SHELL],
  },
  {
    repository: "ubuntu",
    tags: [
      "latest", "rolling", "devel", "14.04", "16.04", "18.04", "20.04", "22.04", "24.04", "24.10", "25.04",
      "trusty", "xenial", "bionic", "focal", "jammy", "noble", "oracular", "plucky",
    ],
    size: 29754422,  ...shellImage("/bin/bash"),
  },
  {
    repository: "debian",
    tags: [
      "latest", "stable", "oldstable", "testing", "unstable", "sid", "experimental",
      "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie", "8", "9", "10", "11", "12", "13",
      ...series("10", 13).slice(1), ...series("11", 11).slice(1), ...series("12", 11).slice(1),
    ],
    variants: ["slim"],
    size: 48494272,  ...shellImage("bash"),
  },
  {
    repository: "perl",
    tags: [
      "latest", "5", "slim", "threaded",
      ...lines([["5.20", 3], ["5.22", 4], ["5.24", 4], ["5.26", 3], ["5.28", 3], ["5.30", 3], ["5.32", 1], ["5.34", 3], ["5.36", 3], ["5.38", 4], ["5.40", 2], ["5.42", 0]]),
    ],
    variants: ["slim", "threaded", "bookworm", "bullseye", "slim-bookworm", "slim-bullseye", "threaded-bookworm", "threaded-bullseye"],
    size: 341226148,
    config: { cmd: ["perl"], env: { PATH: `/usr/local/bin:${DEBIAN_PATH}` } },
    programs: [P.PERL_STDIN, P.PERL_BPI],
  },
  {
    repository: "python",
    tags: [
      "latest", "2", "3", "slim", "alpine", "bookworm", ...series("2.7", 18),
      ...lines([["3.6", 15], ["3.7", 17], ["3.8", 20], ["3.9", 23], ["3.10", 18], ["3.11", 13], ["3.12", 11], ["3.13", 5]]),
    ],
    variants: ["slim", "alpine", "bookworm", "bullseye", "slim-bookworm", "slim-bullseye"],
    size: 412398713,
    config: { cmd: ["python3"], env: { PATH: `/usr/local/bin:${DEBIAN_PATH}`, LANG: "C.UTF-8" } },
    programs: [P.PYTHON_REPL],
  },
  {
    repository: "mysql",
    tags: [
      "latest", "lts", "innovation", "oracle", "debian", "5", "8", "9",
      ...series("5.6", 51, 17), ...series("5.7", 44, 4), ...series("8.0", 43), ...series("8.4", 6),
      ...lines([["9.0", 1], ["9.1", 0], ["9.2", 0], ["9.3", 0], ["9.4", 0]]),
    ],
    variants: ["oracle", "debian", "oraclelinux8", "oraclelinux9", "bookworm"],
    size: 173645264,
    version: "9.4.0",
    config: {
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["mysqld"],
      env: { PATH: DEBIAN_PATH, MYSQL_MAJOR: "innovation", MYSQL_VERSION: "9.4.0-1.el9", MYSQL_SHELL_VERSION: "9.4.0-1.el9" },
      wrappers: [{ path: "docker-entrypoint.sh", flagsGoTo: "mysqld" }],
    },
    programs: [P.MYSQLD],
  },
  {
    repository: "postgres",
    tags: [
      "latest", "alpine", "bookworm", "bullseye", "9", "10", "11", "12", "13", "14", "15", "16", "17",
      ...series("9.6", 24), ...series("10", 23).slice(1), ...series("11", 22).slice(1), ...series("12", 22).slice(1),
      ...series("13", 21).slice(1), ...series("14", 18).slice(1), ...series("15", 13).slice(1), ...series("16", 9).slice(1), ...series("17", 5).slice(1),
    ],
    variants: ["alpine", "bookworm", "bullseye"],
    size: 158443116,
    version: "17.6",
    config: {
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["postgres"],
      env: { PATH: `/usr/lib/postgresql/17/bin:${DEBIAN_PATH}`, PG_MAJOR: "17", PGDATA: "/var/lib/postgresql/data", LANG: "en_US.utf8" },
      wrappers: [{ path: "docker-entrypoint.sh", flagsGoTo: "postgres" }],
    },
    programs: [P.POSTGRES],
  },
  { repository: "node", size: 406843281, config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], wrappers: [{ path: "docker-entrypoint.sh" }] } },
  { repository: "registry.k8s.io/pause", tags: ["latest", "2.0", "3.0", "3.1", "3.2", "3.3", "3.4.1", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10"], size: 320368, config: { entrypoint: ["/pause"] }, programs: [P.PAUSE] },
  { repository: "registry.k8s.io/busybox", tags: ["latest", "1.24", "1.27", "1.27.2"], size: 1144547, config: { cmd: ["sh"] }, programs: [P.BARE_SHELL] },
  { repository: "registry.k8s.io/liveness", size: 2432561, config: { cmd: ["/server"] }, programs: [P.LIVENESS] },
  { repository: "registry.k8s.io/goproxy", tags: ["0.1"], size: 2546713, config: { entrypoint: ["/goproxy"] }, programs: [P.GOPROXY] },
  {
    repository: "registry.k8s.io/hpa-example",
    tags: ["latest"],
    size: 178413474,
    config: {
      entrypoint: ["docker-php-entrypoint"],
      cmd: ["apache2-foreground"],
      workingDir: "/var/www/html",
      env: { PATH: DEBIAN_PATH },
      wrappers: [{ path: "docker-php-entrypoint", flagsGoTo: "apache2-foreground" }],
    },
    programs: [P.PHP_APACHE],
  },
  { repository: "registry.k8s.io/e2e-test-images/agnhost", tags: Array.from({ length: 44 }, (_, i) => `2.${i + 10}`), size: 51175052, config: { entrypoint: ["/agnhost"], cmd: ["pause"] }, programs: [P.BARE_SHELL, ...P.AGNHOST_PROGRAMS] },
  { repository: "registry.k8s.io/nginx-slim", size: 20123577, version: "1.8.1", config: { cmd: ["nginx", "-g", "daemon off;"] }, programs: [P.NGINX] },
  { repository: "registry.k8s.io/echoserver", tags: ["1.4", "1.10"], size: 46011283 },
  // The docs' memory examples run `stress --vm 1 --vm-bytes 250M --vm-hang 1` (size: its latest tag).
  { repository: "polinux/stress", size: 3741915, config: { env: { PATH: DEBIAN_PATH } }, programs: [P.STRESS, P.BARE_SHELL] },
  {
    repository: "us-docker.pkg.dev/google-samples/containers/gke/gb-frontend",
    tags: ["v5"],
    size: 152340111,
    config: { entrypoint: ["docker-php-entrypoint"], cmd: ["apache2-foreground"], workingDir: "/var/www/html", wrappers: [{ path: "docker-php-entrypoint" }] },
    programs: [P.GUESTBOOK],
  },
  { repository: "us-docker.pkg.dev/google-samples/containers/gke/hello-app", tags: ["1.0", "2.0"], size: 4210934, version: "1.0.0", tagVersions: { "1.0": "1.0.0", "2.0": "2.0.0" }, config: { cmd: ["/hello-app"] }, programs: [P.HELLO_APP] },
  {
    repository: "quay.io/fluentd_elasticsearch/fluentd",
    tags: ["v2.5.2", "v2.6.0", "v2.7.0", "v2.8.0", "v2.9.0", "v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0", "v3.2.0", "v3.3.0", "v3.4.0", "v4.0.0", "v4.1.0", "v4.2.0", "v4.3.0"],
    size: 149321720,
    config: { entrypoint: ["/entrypoint.sh"], cmd: ["/run.sh"], env: { PATH: DEBIAN_PATH } },
    programs: [P.FLUENTD],
  },
];
