// Object metadata checks (ValidateObjectMeta in k8s.io/apimachinery/pkg/api/validation/objectmeta.go)
// with each kind's name rule (the ValidateXName functions of pkg/apis/*/validation).

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { FieldIssue } from "./issues";
import { invalidValue, required } from "./issues";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, maskTrailingDash } from "./dns";
import { validateAnnotations, validateLabels } from "./labels";

/** A ValidateNameFunc: messages for name, where prefix means it is a generateName. */
type NameFn = (name: string, prefix: boolean) => string[];

const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** ValidatePathSegmentName (path.IsValidPathSegmentName), used by RBAC kinds. */
const pathSegmentName: NameFn = (name, prefix) => {
  const errs: string[] = [];
  if (!prefix) for (const bad of [".", ".."]) if (name === bad) errs.push(`may not be '${bad}'`);
  for (const bad of ["/", "%"]) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};

/** Kinds whose names are not DNS-1123 subdomains. */
const NAME_RULES: Record<string, NameFn> = {
  Namespace: nameIsDNSLabel,
  Service: nameIsDNS1035Label,
  Role: pathSegmentName,
  ClusterRole: pathSegmentName,
  RoleBinding: pathSegmentName,
  ClusterRoleBinding: pathSegmentName,
};

export function nameRuleFor(kind: string): NameFn {
  return NAME_RULES[kind] ?? nameIsDNSSubdomain;
}

/** Everything wrong with obj.metadata, in upstream's order. */
export function validateMetadata(obj: KubeObject, info: ResourceInfo): FieldIssue[] {
  const meta = obj.metadata ?? {};
  const nameFn = nameRuleFor(info.kind);
  const issues: FieldIssue[] = [];
  const generateName = typeof meta.generateName === "string" ? meta.generateName : "";
  const name = typeof meta.name === "string" ? meta.name : "";
  if (generateName) {
    issues.push(...nameFn(generateName, true).map((msg) => invalidValue("metadata.generateName", generateName, msg)));
  }
  if (!name) {
    // The API server turns generateName into a name before validating; kubesim may call us earlier.
    if (!generateName) issues.push(required("metadata.name", "name or generateName is required"));
  } else {
    issues.push(...nameFn(name, false).map((msg) => invalidValue("metadata.name", name, msg)));
  }
  if (info.namespaced && typeof meta.namespace === "string" && meta.namespace) {
    const ns = meta.namespace;
    issues.push(...isDNS1123Label(ns).map((msg) => invalidValue("metadata.namespace", ns, msg)));
  }
  if (typeof meta.generation === "number" && meta.generation < 0) {
    issues.push(invalidValue("metadata.generation", meta.generation, "must be greater than or equal to 0"));
  }
  issues.push(...validateLabels(meta.labels, "metadata.labels"));
  issues.push(...validateAnnotations(meta.annotations, "metadata.annotations"));
  return issues;
}
