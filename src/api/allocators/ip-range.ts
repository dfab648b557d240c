// IPv4 arithmetic for the service CIDR (k8s.io/utils/net: ParseCIDRSloppy, RangeSize,
// AddIPOffset), just what the ClusterIP allocator needs.

export interface Cidr {
  readonly text: string;
  /** The network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly size: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** 10.96.0.1 → 174063617; undefined for anything that is not a dotted IPv4 address. */
export function ipToNumber(ip: string): number | undefined {
  const m = IPV4.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function numberToIP(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

export function parseCidr(text: string): Cidr {
  const [ip, bits] = text.split("/");
  const prefix = Number(bits);
  const size = 2 ** (32 - prefix);
  const base = (ipToNumber(ip)! & ~(size - 1)) >>> 0;
  return { text, base, size };
}
