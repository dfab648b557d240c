// The name admission errors give an object (admission.extractResourceName). Mutating admission
// runs before the API server names an object from its generateName, so an object sent without
// a name is called by its generateName ("web-7d4b9c-"). So is a controller's pod: kubesim's
// controllers pick the generated suffix themselves, where upstream's API server does, because
// their events must name the pod.

import type { KubeObject } from "../types";

export function admissionName(sent: KubeObject["metadata"], byController: boolean): string {
  const { name, generateName } = sent;
  if (generateName && (!name || (byController && name.startsWith(generateName)))) return generateName;
  return name || "Unknown";
}
