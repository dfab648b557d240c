import { describe, expect, it } from "vitest";
import { goDurationMs, imageSize, pulledMessage, pullPolicyOf, qualifiedImage } from "./image-pull";

describe("qualifiedImage", () => {
  const cases = [
    { name: "puts an official image under docker.io/library with :latest", image: "nginx", want: "docker.io/library/nginx:latest" },
    { name: "keeps the tag", image: "nginx:1.27", want: "docker.io/library/nginx:1.27" },
    { name: "puts a user image under docker.io", image: "bitnami/redis:7", want: "docker.io/bitnami/redis:7" },
    { name: "keeps a registry host", image: "registry.k8s.io/pause:3.10", want: "registry.k8s.io/pause:3.10" },
    { name: "treats a host with a port as a registry", image: "localhost:5000/app", want: "localhost:5000/app:latest" },
    { name: "adds no tag to a digest reference", image: "nginx@sha256:abc", want: "docker.io/library/nginx@sha256:abc" },
  ];
  it.each(cases)("$name", ({ image, want }) => expect(qualifiedImage(image)).toBe(want));
});

describe("pull policy, durations and messages", () => {
  const cases = [
    { name: "defaults to Always for an untagged image", got: () => pullPolicyOf({ image: "nginx" }), want: "Always" },
    { name: "defaults to Always for :latest", got: () => pullPolicyOf({ image: "nginx:latest" }), want: "Always" },
    { name: "defaults to IfNotPresent for a tag", got: () => pullPolicyOf({ image: "nginx:1.27" }), want: "IfNotPresent" },
    { name: "keeps an explicit policy", got: () => pullPolicyOf({ image: "nginx", imagePullPolicy: "Never" }), want: "Never" },
    { name: "prints sub-second durations in ms as Go does", got: () => goDurationMs(650), want: "650ms" },
    { name: "prints seconds with millisecond precision", got: () => goDurationMs(2526), want: "2.526s" },
    { name: "prints whole seconds without decimals", got: () => goDurationMs(3000), want: "3s" },
    { name: "prints minutes", got: () => goDurationMs(62_003), want: "1m2.003s" },
    { name: "knows the size of a tagged nginx", got: () => imageSize("nginx:1.27"), want: 72953636 },
    {
      name: "words the Pulled event as the 1.32 kubelet does",
      got: () => pulledMessage("nginx", 2526, 4000, 72953636),
      want: 'Successfully pulled image "nginx" in 2.526s (4s including waiting). Image size: 72953636 bytes.',
    },
  ];
  it.each(cases)("$name", ({ got, want }) => expect(got()).toBe(want));
});
