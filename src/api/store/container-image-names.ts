// The image names a container status repeats, as the kubelet derives them from the spec's image
// (kubelet/image-pull.ts: qualifiedImage's plain branch, imageID). Copied rather than imported,
// because the store sits below the kubelet; a Pod whose names these rules do not give back is
// simply saved with them (pod-encoding.ts checks every name it leaves out).

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
    id = `${repositoryOf(qualifiedImage)}@sha256:${hex64(qualifiedImage)}`;
    digests.set(qualifiedImage, id);
  }
  return id;
}

function repositoryOf(qualifiedImage: string): string {
  const at = qualifiedImage.indexOf("@");
  const noDigest = at < 0 ? qualifiedImage : qualifiedImage.slice(0, at);
  const colon = noDigest.lastIndexOf(":");
  return colon > noDigest.lastIndexOf("/") ? noDigest.slice(0, colon) : noDigest;
}

/** kubelet/image-pull.ts hex64: 64 hex digits from FNV-1a, re-mixed per word. */
function hex64(text: string): string {
  let out = "";
  for (let word = 0; word < 8; word++) {
    let h = 0x811c9dc5 ^ word;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}
