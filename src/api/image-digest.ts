// The imageID a kubelet reports for a qualified image reference: its repository at a digest
// derived from the reference, so it is stable across runs. Shared by the kubelet, which
// reports it (kubelet/image-pull.ts), and the store, which leaves it out of saved Pods when it
// is the one the spec's image gives (api/store/container-image-names.ts).

/** Digests worked out so far: every container status names one, and a cluster runs few images. */
const digests = new Map<string, string>();

/** "docker.io/library/nginx:latest" → "docker.io/library/nginx@sha256:…". */
export function imageDigest(qualified: string): string {
  let digest = digests.get(qualified);
  if (digest === undefined) digests.set(qualified, (digest = `${repositoryOf(qualified)}@sha256:${hex64(qualified)}`));
  return digest;
}

/** The repository part of a qualified reference (no tag, no digest). */
export function repositoryOf(qualified: string): string {
  const at = qualified.indexOf("@");
  const noDigest = at < 0 ? qualified : qualified.slice(0, at);
  const colon = noDigest.lastIndexOf(":");
  return colon > noDigest.lastIndexOf("/") ? noDigest.slice(0, colon) : noDigest;
}

/** 64 hex digits determined by text (FNV-1a, re-mixed per word); stands in for sha256. */
export function hex64(text: string): string {
  let out = "";
  for (let word = 0; word < 8; word++) {
    let h = 0x811c9dc5 ^ word;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}
