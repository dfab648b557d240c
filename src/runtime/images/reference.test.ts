import { describe, expect, it } from "vitest";
import { parseImageReference, qualifiedReference } from "./reference";

const HEX = "a".repeat(64);

describe("parseImageReference and qualifiedReference", () => {
  const cases = [
    { name: "puts an official image under docker.io/library with the default tag", image: "nginx", want: "docker.io/library/nginx:latest" },
    { name: "keeps a tag that does not exist (the registry decides, not the grammar)", image: "nginx:1.161", want: "docker.io/library/nginx:1.161" },
    { name: "accepts the library/ prefix written out", image: "library/nginx:1.27", want: "docker.io/library/nginx:1.27" },
    { name: "maps the legacy index.docker.io to docker.io", image: "index.docker.io/nginx", want: "docker.io/library/nginx:latest" },
    { name: "puts a user's image under docker.io without library/", image: "bitnami/redis:7", want: "docker.io/bitnami/redis:7" },
    { name: "keeps a registry host and a nested path", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", want: "registry.k8s.io/e2e-test-images/agnhost:2.40" },
    { name: "treats localhost as a registry", image: "localhost/app", want: "localhost/app:latest" },
    { name: "treats a host with a port as a registry", image: "localhost:5000/app:v1", want: "localhost:5000/app:v1" },
    { name: "keeps a digest and adds no tag", image: `nginx@sha256:${HEX}`, want: `docker.io/library/nginx@sha256:${HEX}` },
    { name: "drops the tag when a digest is also given, as containerd does", image: `nginx:1.27@sha256:${HEX}`, want: `docker.io/library/nginx@sha256:${HEX}` },
  ];
  it.each(cases)("$name", ({ image, want }) => {
    const parsed = parseImageReference(image);
    expect(parsed.ok && qualifiedReference(parsed.ref)).toBe(want);
  });

  it("splits a reference into domain, path and tag", () => {
    expect(parseImageReference("nginx:1.161")).toEqual({ ok: true, ref: { domain: "docker.io", path: "library/nginx", tag: "1.161" } });
  });
});

describe("references the kubelet refuses (InvalidImageName)", () => {
  const cases = [
    { name: "refuses upper case in the repository", image: "NGINX", want: "invalid reference format: repository name (library/NGINX) must be lowercase" },
    { name: "refuses upper case in a user's repository", image: "me/Web:1", want: "invalid reference format: repository name (me/Web) must be lowercase" },
    { name: "refuses an empty tag", image: "nginx:", want: "invalid reference format" },
    { name: "refuses a digest that is too short", image: "nginx@sha256:abc", want: "invalid reference format" },
    { name: "refuses spaces", image: "nginx 1.27", want: "invalid reference format" },
    { name: "refuses a bare 64-hex identifier", image: HEX, want: `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings` },
  ];
  it.each(cases)("$name", ({ image, want }) => expect(parseImageReference(image)).toEqual({ ok: false, error: want }));
});
