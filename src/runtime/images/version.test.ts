import { describe, expect, it } from "vitest";
import { catalogImageFor, imageProcessFor, versionOf } from "./behaviour";

describe("versionOf: the software version an image tag carries", () => {
  it.each([
    ["nginx:1.14.2", "1.14.2"],
    ["nginx:1.14", "1.14.2"],
    ["nginx:1.14-alpine", "1.14.2"],
    ["nginx:1.9", "1.9.15"],
    ["nginx:1", "1.29.1"],
    ["nginx:latest", "1.29.1"],
    ["nginx", "1.29.1"],
    ["nginx:alpine", "1.29.1"],
    ["us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0", "2.0.0"],
  ])("%s carries %s", (image, version) => {
    expect(versionOf(catalogImageFor(image), image)).toBe(version);
  });

  it("the image's env names the tag's version, as the published image does", () => {
    expect(imageProcessFor("nginx:1.14", {}).imageEnv.NGINX_VERSION).toBe("1.14.2");
    expect(imageProcessFor("nginx:latest", {}).imageEnv.NGINX_VERSION).toBe("1.29.1");
  });
});
