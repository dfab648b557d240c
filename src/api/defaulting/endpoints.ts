// SetDefaults_Endpoints (core/v1) and SetDefaults_EndpointPort (discovery/v1): ports are TCP
// unless they say otherwise; an EndpointSlice port has a name, empty by default.

import type { KubeObject } from "../types";

type Json = Record<string, any>;

export function defaultEndpoints(ep: KubeObject): void {
  for (const ss of ((ep as Json).subsets ?? []) as Json[]) for (const port of (ss.ports ?? []) as Json[]) port.protocol ||= "TCP";
}

export function defaultEndpointSlice(slice: KubeObject): void {
  for (const port of ((slice as Json).ports ?? []) as Json[]) {
    port.name ??= "";
    port.protocol ??= "TCP";
  }
}
