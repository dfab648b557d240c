// Image references as the kubelet and containerd normalise them: "nginx:1.161" is
// docker.io/library/nginx:1.161. Port of github.com/distribution/reference (regexp.go,
// normalize.go: ParseNormalizedNamed, splitDockerDomain) and the kubelet's
// applyDefaultImageTag (pkg/kubelet/images/image_manager.go).

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar of regexp.go, one piece per line as upstream builds it.
const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const ipv6Address = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const host = `(?:${domainName}|${ipv6Address})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPattern = "[\\w][\\w.-]{0,127}";
const digestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const REFERENCE = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;

/** A parsed, normalised reference: docker.io/library/nginx:1.161. */
export interface ImageReference {
  /** "docker.io", "registry.k8s.io", "localhost:5000". */
  readonly domain: string;
  /** "library/nginx", "e2e-test-images/agnhost". */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type ParseResult = { readonly ok: true; readonly ref: ImageReference } | { readonly ok: false; readonly error: string };

/**
 * ParseNormalizedNamed: the image as written in a pod spec → its normalised parts, or
 * distribution/reference's error text.
 * @example parseImageReference("nginx:1.161") // { domain: "docker.io", path: "library/nginx", tag: "1.161" }
 */
export function parseImageReference(image: string): ParseResult {
  // A cluster runs few images many times over: each is parsed once.
  let parsed = parsedImages.get(image);
  if (parsed === undefined) {
    if (parsedImages.size >= 1_000) parsedImages.clear();
    parsedImages.set(image, (parsed = parse(image)));
  }
  return parsed;
}

const parsedImages = new Map<string, ParseResult>();

function parse(image: string): ParseResult {
  if (ANCHORED_IDENTIFIER.test(image)) {
    return { ok: false, error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(image);
  const remoteName = remainder.split(":")[0];
  if (remoteName.toLowerCase() !== remoteName) {
    return { ok: false, error: `invalid reference format: repository name (${remoteName}) must be lowercase` };
  }
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m) {
    if (image === "") return { ok: false, error: "repository name must have at least one component" };
    if (REFERENCE.test(`${domain}/${remainder}`.toLowerCase())) return { ok: false, error: "invalid reference format: repository name must be lowercase" };
    return { ok: false, error: "invalid reference format" };
  }
  if (m[1].length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  }
  const path = m[1].slice(domain.length + 1);
  return { ok: true, ref: { domain, path, ...(m[2] !== undefined && { tag: m[2] }), ...(m[3] !== undefined && { digest: m[3] }) } };
}

/**
 * splitDockerDomain: the first component is a registry only when it looks like a host (has a
 * dot or a port, or is localhost, or has upper case); otherwise the image is on Docker Hub,
 * and a one-component name is an official image under library/.
 */
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf("/");
  let domain: string;
  let remainder: string;
  const first = i < 0 ? "" : name.slice(0, i);
  if (i < 0 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  } else {
    [domain, remainder] = [first, name.slice(i + 1)];
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

/** "docker.io/library/nginx": the repository without tag or digest. */
export const repositoryName = (ref: ImageReference): string => `${ref.domain}/${ref.path}`;

/**
 * The reference containerd pulls and reports: a missing tag becomes :latest (the kubelet's
 * applyDefaultImageTag), and a digest wins over a tag (containerd's ParseDockerRef drops it).
 * @example qualifiedReference(parse("nginx")) // "docker.io/library/nginx:latest"
 */
export function qualifiedReference(ref: ImageReference): string {
  if (ref.digest) return `${repositoryName(ref)}@${ref.digest}`;
  return `${repositoryName(ref)}:${ref.tag ?? "latest"}`;
}
