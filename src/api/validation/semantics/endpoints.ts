// Endpoints and EndpointSlice checks, ported from validateEndpointSubsets, validateEndpointAddress
// and validateEndpointPort (pkg/apis/core/validation) and ValidateEndpointSlice
// (pkg/apis/discovery/validation), kubernetes v1.32: what a hand-written Endpoints for a
// Service without a selector gets wrong. Ports are validated after defaulting (protocol TCP).
// Not ported: node name transitions, hints, FQDN addresses' syntax, and the per-slice and
// per-endpoint maximums.

import type { FieldIssue } from "../issues";
import { invalidValue, required } from "../issues";
import { isValidPortNum } from "../dns";
import { validateIP, validateIPv4Address, validateIPv6Address, validateNonSpecialIP } from "../ip";
import { validateEnum, type Obj } from "./common";
import { validateDNS1123Label } from "./pod";

const supportedPortProtocols = ["SCTP", "TCP", "UDP"];
const supportedAddressTypes = ["FQDN", "IPv4", "IPv6"];

export function validateEndpoints(ep: Obj): FieldIssue[] {
  return ((ep.subsets ?? []) as Obj[]).flatMap((ss, i) => validateSubset(ss, `subsets[${i}]`));
}

function validateSubset(ss: Obj, path: string): FieldIssue[] {
  const [addresses, notReady, ports] = [(ss.addresses ?? []) as Obj[], (ss.notReadyAddresses ?? []) as Obj[], (ss.ports ?? []) as Obj[]];
  const issues: FieldIssue[] = [];
  if (addresses.length === 0 && notReady.length === 0) issues.push(required(path, "must specify `addresses` or `notReadyAddresses`"));
  addresses.forEach((a, i) => issues.push(...validateEndpointAddress(a, `${path}.addresses[${i}]`)));
  notReady.forEach((a, i) => issues.push(...validateEndpointAddress(a, `${path}.notReadyAddresses[${i}]`)));
  ports.forEach((p, i) => issues.push(...validateEndpointPort(p, ports.length > 1, `${path}.ports[${i}]`)));
  return issues;
}

/** The address's IP, its hostname; only a well-formed one is checked for special ranges. */
function validateEndpointAddress(address: Obj, path: string): FieldIssue[] {
  const ip = String(address.ip ?? "");
  const issues = validateIP(ip, `${path}.ip`);
  if (address.hostname) issues.push(...validateDNS1123Label(address.hostname, `${path}.hostname`));
  return issues.length > 0 ? issues : validateNonSpecialIP(ip, `${path}.ip`);
}

function validateEndpointPort(port: Obj, requireName: boolean, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (requireName && !port.name) issues.push(required(`${path}.name`, ""));
  else if (port.name) issues.push(...validateDNS1123Label(port.name, `${path}.name`));
  issues.push(...isValidPortNum(port.port ?? 0).map((m) => invalidValue(`${path}.port`, port.port ?? 0, m)));
  issues.push(...validateEnum(port.protocol, supportedPortProtocols, `${path}.protocol`));
  return issues;
}

export function validateEndpointSlice(slice: Obj): FieldIssue[] {
  const addressType = slice.addressType;
  const issues = validateEnum(addressType, supportedAddressTypes, "addressType");
  ((slice.endpoints ?? []) as Obj[]).forEach((e, i) => issues.push(...validateSliceEndpoint(e, addressType, `endpoints[${i}]`)));
  ((slice.ports ?? []) as Obj[]).forEach((p, i) => issues.push(...validateSlicePort(p, `ports[${i}]`)));
  return issues;
}

/** Each address as its slice's type reads it; an unknown type leaves them unchecked. */
function validateSliceEndpoint(endpoint: Obj, addressType: unknown, path: string): FieldIssue[] {
  const addresses = (endpoint.addresses ?? []) as string[];
  if (addresses.length === 0) return [required(`${path}.addresses`, "must contain at least 1 address")];
  return addresses.flatMap((address, i) => {
    const at = `${path}.addresses[${i}]`;
    const wrong = addressType === "IPv4" ? validateIPv4Address(address, at) : addressType === "IPv6" ? validateIPv6Address(address, at) : [];
    return wrong.length > 0 || addressType === "FQDN" || (addressType !== "IPv4" && addressType !== "IPv6") ? wrong : validateNonSpecialIP(address, at);
  });
}

function validateSlicePort(port: Obj, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (port.name) issues.push(...validateDNS1123Label(port.name, `${path}.name`));
  if (port.port !== undefined && port.port !== null) issues.push(...isValidPortNum(port.port).map((m) => invalidValue(`${path}.port`, port.port, m)));
  issues.push(...validateEnum(port.protocol, supportedPortProtocols, `${path}.protocol`));
  return issues;
}
