// The image names a container status repeats, as the kubelet derives them from the spec's image
// (kubelet/image-pull.ts: qualifiedImage's plain branch; the digest is api/image-digest.ts).
// The name rules are copied rather than imported, because the store sits below the kubelet;
// a Pod whose names these rules do not give back is simply saved with them (pod-encoding.ts
// checks every name it leaves out).

import { imageDigest } from "../image-digest";

/** Names already worked out: a cluster's pods share a handful of images. */
const qualified = new Map<string, string>();
const digests = new Map<string, string>();

/** "nginx" → "docker.io/library/nginx:latest", "bitnami/redis:7" → "docker.io/bitnami/redis:7". */
export function qualifiedImageName(image: string): string {
  let name = qualified.get(image);
  if (name === undefined) {
    const slash = image.indexOf("/");
    const first = slash < 0 ? "" : image.slice(0, slash);
    const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
    name = hasRegistry ? image : slash < 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
    if (!name.slice(name.lastIndexOf("/") + 1).includes(":") && !name.includes("@")) name += ":latest";
    qualified.set(image, name);
  }
  return name;
}

/** The imageID the kubelet reports for a qualified image: its repository at a digest of the name. */
export function imageDigestName(qualifiedImage: string): string {
  let id = digests.get(qualifiedImage);
  if (id === undefined) {
    id = imageDigest(qualifiedImage);
    digests.set(qualifiedImage, id);
  }
  return id;
}
