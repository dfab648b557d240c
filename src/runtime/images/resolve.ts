// What the registry answers when containerd resolves an image: the catalog entry it names,
// whether the tag exists, and containerd's own words when it does not (containerd 1.7/2.0
// behind the CRI, as kind nodes run it for Kubernetes 1.32).

import type { CatalogImage } from "./catalog";
import { IMAGE_CATALOG } from "./catalog";
import type { ImageReference } from "./reference";
import { parseImageReference, qualifiedReference, repositoryName } from "./reference";

/** The catalog keyed by normalised repository ("docker.io/library/nginx"). */
const BY_REPOSITORY: ReadonlyMap<string, CatalogImage> = new Map(
  IMAGE_CATALOG.map((img) => {
    const parsed = parseImageReference(img.repository);
    if (!parsed.ok) throw new Error(`image catalog: bad repository ${img.repository}`);
    return [repositoryName(parsed.ref), img];
  }),
);

export function findCatalogImage(ref: ImageReference): CatalogImage | undefined {
  return BY_REPOSITORY.get(repositoryName(ref));
}

/**
 * Whether a catalog image has the tag: listed, or a listed tag plus a published variant
 * ("1.27-alpine"). A digest reference is taken as existing: kubesim knows no real digests.
 */
export function tagExists(img: CatalogImage, ref: ImageReference): boolean {
  if (ref.digest || !img.tags) return true;
  const tag = ref.tag ?? "latest";
  if (img.tags.includes(tag)) return true;
  return (img.variants ?? []).some((v) => tag.endsWith(`-${v}`) && img.tags!.includes(tag.slice(0, -v.length - 1)));
}

export type Resolution =
  | { readonly kind: "invalid"; readonly error: string }
  | { readonly kind: "found"; readonly qualified: string; readonly image?: CatalogImage }
  | { readonly kind: "not-found"; readonly qualified: string; readonly error: string };

/**
 * Resolves an image as written in a pod spec. An image the catalog does not know is found
 * (it "pulls and runs forever"); a known one is found only with a tag it has.
 * @example resolveImage("nginx:1.161").kind // "not-found"
 */
export function resolveImage(image: string): Resolution {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { kind: "invalid", error: parsed.error };
  const qualified = qualifiedReference(parsed.ref);
  const known = findCatalogImage(parsed.ref);
  if (known && !tagExists(known, parsed.ref)) return { kind: "not-found", qualified, error: notFoundError(qualified) };
  return { kind: "found", qualified, ...(known && { image: known }) };
}

/**
 * The CRI error containerd returns for a tag the registry does not have, as the kubelet
 * quotes it in the Failed event and the ErrImagePull message.
 */
export function notFoundError(qualified: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${qualified}": failed to resolve reference "${qualified}": ${qualified}: not found`;
}
