import { describe, expect, it } from "vitest";
import { IMAGE_CATALOG } from "./catalog";
import { resolveImage } from "./resolve";

const NGINX_1161_ERROR =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found';

describe("resolveImage against the catalog", () => {
  const found = [
    { name: "finds the nginx of the Deployment docs", image: "nginx:1.14.2" },
    { name: "finds the nginx the docs roll out to", image: "nginx:1.16.1" },
    { name: "finds an old docs tag", image: "nginx:1.7.9" },
    { name: "finds a minor-line tag", image: "nginx:1.25" },
    { name: "finds nginx with no tag (latest)", image: "nginx" },
    { name: "finds a variant of a version tag", image: "nginx:1.27-alpine" },
    { name: "finds a bare variant tag", image: "nginx:alpine" },
    { name: "finds the fully qualified form", image: "docker.io/library/nginx:stable" },
    { name: "finds busybox:1.28", image: "busybox:1.28" },
    { name: "finds perl:5.34.0 of the Job docs", image: "perl:5.34.0" },
    { name: "finds mysql:5.6 of the stateful-application docs", image: "mysql:5.6" },
    { name: "finds redis:6.0.5 of the guestbook", image: "redis:6.0.5" },
    { name: "finds the agnhost test image", image: "registry.k8s.io/e2e-test-images/agnhost:2.40" },
    { name: "finds the pause image of 1.32", image: "registry.k8s.io/pause:3.10" },
    { name: "finds the guestbook frontend", image: "us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5" },
    { name: "finds the fluentd of the DaemonSet docs", image: "quay.io/fluentd_elasticsearch/fluentd:v2.5.2" },
    { name: "takes any tag of an image whose tags it does not list", image: "node:20-alpine" },
    { name: "takes any tag of an image not in the catalog", image: "example.com/team/app:v1" },
    { name: "takes a digest of a known image", image: `nginx@sha256:${"b".repeat(64)}` },
  ];
  it.each(found)("$name", ({ image }) => expect(resolveImage(image).kind).toBe("found"));

  const missing = [
    { name: "does not find the typo of the Deployment docs", image: "nginx:1.161", want: NGINX_1161_ERROR },
    {
      name: "does not find a variant of a tag that does not exist",
      image: "nginx:1.161-alpine",
      want: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161-alpine": failed to resolve reference "docker.io/library/nginx:1.161-alpine": docker.io/library/nginx:1.161-alpine: not found',
    },
    {
      name: "does not find a pause version that was never published",
      image: "registry.k8s.io/pause:9.9",
      want: 'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/pause:9.9": failed to resolve reference "registry.k8s.io/pause:9.9": registry.k8s.io/pause:9.9: not found',
    },
  ];
  it.each(missing)("$name", ({ image, want }) => expect(resolveImage(image)).toMatchObject({ kind: "not-found", error: want }));

  it("reports an unparsable image as invalid", () => {
    expect(resolveImage("Nginx")).toEqual({ kind: "invalid", error: "invalid reference format: repository name (library/Nginx) must be lowercase" });
  });

  it("lists every repository once, each parsable, with a size", () => {
    const names = IMAGE_CATALOG.map((i) => i.repository);
    expect(new Set(names).size).toBe(names.length);
    for (const img of IMAGE_CATALOG) expect(resolveImage(img.repository).kind, img.repository).toBe(img.tags && !img.tags.includes("latest") ? "not-found" : "found");
    expect(IMAGE_CATALOG.every((i) => i.size > 0)).toBe(true);
  });
});
