// Downward API field values. Port of pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue
// and pkg/fieldpath/fieldpath.go ExtractFieldPathAsString + FormatMap (v1.32).

import type { KubeObject } from "../../api/types/meta";

/** What only the kubelet knows about a running pod: its addresses. */
export interface PodAddresses {
  podIPs: string[];
  hostIPs: string[];
}

const SUBSCRIPTED = /^metadata\.(labels|annotations)\['(.*)'\]$/;

/**
 * A metadata field as a string, or an error text for a path the Downward API does not serve.
 * Labels and annotations as a whole are `key="value"` lines sorted by key.
 */
export function extractFieldPathAsString(pod: KubeObject, fieldPath: string): { value: string } | { error: string } {
  const meta = pod.metadata;
  const sub = SUBSCRIPTED.exec(fieldPath);
  if (sub) {
    const map = (sub[1] === "labels" ? meta.labels : meta.annotations) ?? {};
    return { value: map[sub[2]] ?? "" };
  }
  switch (fieldPath) {
    case "metadata.annotations":
      return { value: formatMap(meta.annotations ?? {}) };
    case "metadata.labels":
      return { value: formatMap(meta.labels ?? {}) };
    case "metadata.name":
      return { value: meta.name ?? "" };
    case "metadata.namespace":
      return { value: meta.namespace ?? "" };
    case "metadata.uid":
      return { value: meta.uid ?? "" };
  }
  return { error: `unsupported fieldPath: ${fieldPath}` };
}

/** An env fieldRef's value: the metadata fields plus spec and status ones. */
export function podFieldSelectorRuntimeValue(
  pod: KubeObject,
  fieldPath: string,
  addresses: PodAddresses,
): { value: string } | { error: string } {
  switch (fieldPath) {
    case "spec.nodeName":
      return { value: pod.spec?.nodeName ?? "" };
    case "spec.serviceAccountName":
      return { value: pod.spec?.serviceAccountName ?? "" };
    case "status.hostIP":
      return { value: addresses.hostIPs[0] ?? "" };
    case "status.hostIPs":
      return { value: addresses.hostIPs.join(",") };
    case "status.podIP":
      return { value: addresses.podIPs[0] ?? "" };
    case "status.podIPs":
      return { value: addresses.podIPs.join(",") };
  }
  return extractFieldPathAsString(pod, fieldPath);
}

/** `key="value"` lines sorted by key, without a final newline (Go's %q quoting). */
export function formatMap(map: Readonly<Record<string, string>>): string {
  return Object.keys(map)
    .sort()
    .map((k) => `${k}=${goQuote(map[k])}`)
    .join("\n");
}

/** Go's strconv.Quote for the characters labels and annotations hold. */
function goQuote(s: string): string {
  const escapes: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r" };
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (escapes[ch]) out += escapes[ch];
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return `"${out}"`;
}
