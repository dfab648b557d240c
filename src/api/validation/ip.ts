// IP address checks of k8s.io/apimachinery/pkg/util/validation (IsValidIP, IsValidIPv4Address,
// IsValidIPv6Address, v1.32) and ValidateNonSpecialIP (pkg/apis/core/validation): addresses as
// netutils.ParseIPSloppy reads them (IPv4 parts may have leading zeros).

import type { BlockList } from "node:net";
import { createRequire } from "node:module";
import type { FieldIssue } from "./issues";
import { invalidValue } from "./issues";

/** node:net, loaded when an address is first checked: loading it takes milliseconds, and most writes have none. */
let net: typeof import("node:net") | undefined;
const netModule = () => (net ??= createRequire(import.meta.url)("node:net") as typeof import("node:net"));
const isIPv6 = (value: string): boolean => netModule().isIPv6(value);

/** The dotted-quad form of an IPv4 address ParseIPSloppy accepts, normalised; undefined otherwise. */
function parseIPv4(value: string): string | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return undefined;
  const parts = value.split(".").map(Number);
  return parts.every((p) => p <= 255) ? parts.join(".") : undefined;
}

const isIPv4Address = (value: string): boolean => parseIPv4(value) !== undefined;
/** An IPv6 address that is not an IPv4 one in IPv6 dress (Go's To4 reads ::ffff:a.b.c.d as IPv4). */
const isIPv6Address = (value: string): boolean => isIPv6(value) && !/^::ffff:\d+\./i.test(value);

export function validateIP(value: string, path: string): FieldIssue[] {
  return isIPv4Address(value) || isIPv6(value) ? [] : [invalidValue(path, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")];
}

export function validateIPv4Address(value: string, path: string): FieldIssue[] {
  return isIPv4Address(value) ? [] : [invalidValue(path, value, "must be a valid IPv4 address")];
}

export function validateIPv6Address(value: string, path: string): FieldIssue[] {
  return isIPv6Address(value) ? [] : [invalidValue(path, value, "must be a valid IPv6 address")];
}

function ranges(list: readonly [string, number, "ipv4" | "ipv6"][]): BlockList {
  const blocks = new (netModule().BlockList)();
  for (const [subnet, prefix, type] of list) blocks.addSubnet(subnet, prefix, type);
  return blocks;
}

/** Go's net.IP predicates, as the ranges they test (built on first use, with node:net). */
let special: readonly { why: (ip: string) => string; ranges: BlockList }[] | undefined;
const specialRanges = () =>
  (special ??= [
    { why: (ip) => `may not be unspecified (${ip})`, ranges: ranges([["0.0.0.0", 32, "ipv4"], ["::", 128, "ipv6"]]) },
    { why: () => "may not be in the loopback range (127.0.0.0/8, ::1/128)", ranges: ranges([["127.0.0.0", 8, "ipv4"], ["::1", 128, "ipv6"]]) },
    { why: () => "may not be in the link-local range (169.254.0.0/16, fe80::/10)", ranges: ranges([["169.254.0.0", 16, "ipv4"], ["fe80::", 10, "ipv6"]]) },
    { why: () => "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)", ranges: ranges([["224.0.0.0", 24, "ipv4"], ["ff02::", 16, "ipv6"]]) },
  ]);

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses as endpoints. */
export function validateNonSpecialIP(value: string, path: string): FieldIssue[] {
  const v4 = parseIPv4(value);
  if (v4 === undefined && !isIPv6(value)) return [invalidValue(path, value, "must be a valid IP address")];
  const [ip, type] = v4 !== undefined ? [v4, "ipv4" as const] : [value, "ipv6" as const];
  return specialRanges().filter((s) => s.ranges.check(ip, type)).map((s) => invalidValue(path, value, s.why(value)));
}
