// -l/--selector and --field-selector: parsed into the predicates ApiServer.list takes. kubectl
// passes both strings to the server, which rejects a bad one with BadRequest; cli-runtime's
// selector visitor then rewrites the message as "Unable to find ... that match label selector".
// Field labels per kind: each kind's AddFieldLabelConversionFunc in pkg/apis/*/v1/conversion.go.

import type { Command } from "commander";
import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import type { ListOptions } from "../../api/server";
import { badRequest, StatusError } from "../../api/errors";
import { fieldValue, matches, parseFieldSelector, parseSelector } from "../../api/selectors";

export interface SelectorFlags {
  /** -l text as typed ("" when absent). */
  readonly label: string;
  /** --field-selector text as typed ("" when absent). */
  readonly field: string;
}

export function defineLabelSelector(cmd: Command): void {
  cmd.option(
    "-l, --selector <selector>",
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
  );
}

export function defineFieldSelector(cmd: Command): void {
  cmd.option(
    "--field-selector <selector>",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  );
}

type FieldGetter = (obj: KubeObject) => string;

const path = (p: string): FieldGetter => (obj) => fieldValue(obj, p);
const bool = (p: string): FieldGetter => (obj) => (fieldValue(obj, p) === "true" ? "true" : "false");
const int = (p: string): FieldGetter => (obj) => fieldValue(obj, p) || "0";

/** Fields every kind supports (the generic registry's DefaultClusterScopedAttr/DefaultNamespaceScopedAttr). */
const COMMON: Record<string, FieldGetter> = {
  "metadata.name": path("metadata.name"),
  "metadata.namespace": path("metadata.namespace"),
};

/** The extra field labels of kinds that have them. */
const BY_KIND: Record<string, Record<string, FieldGetter>> = {
  Pod: {
    "spec.nodeName": path("spec.nodeName"),
    "spec.restartPolicy": path("spec.restartPolicy"),
    "spec.schedulerName": path("spec.schedulerName"),
    "spec.serviceAccountName": path("spec.serviceAccountName"),
    "spec.hostNetwork": bool("spec.hostNetwork"),
    "status.phase": path("status.phase"),
    "status.podIP": path("status.podIP"),
    "status.podIPs": path("status.podIP"),
    "status.nominatedNodeName": path("status.nominatedNodeName"),
  },
  Node: { "spec.unschedulable": bool("spec.unschedulable") },
  Namespace: { "status.phase": path("status.phase") },
  Secret: { type: path("type") },
  ReplicationController: { "status.replicas": int("status.replicas") },
  ReplicaSet: { "status.replicas": int("status.replicas") },
  Job: { "status.successful": int("status.succeeded") },
  CertificateSigningRequest: { "spec.signerName": path("spec.signerName") },
  Event: {
    "involvedObject.kind": path("involvedObject.kind"),
    "involvedObject.namespace": path("involvedObject.namespace"),
    "involvedObject.name": path("involvedObject.name"),
    "involvedObject.uid": path("involvedObject.uid"),
    "involvedObject.apiVersion": path("involvedObject.apiVersion"),
    "involvedObject.resourceVersion": path("involvedObject.resourceVersion"),
    "involvedObject.fieldPath": path("involvedObject.fieldPath"),
    reason: path("reason"),
    reportingComponent: path("reportingComponent"),
    source: path("source.component"),
    type: path("type"),
  },
};

/** The field labels a resource's list accepts (cluster-scoped kinds have no metadata.namespace). */
export function fieldLabels(info: ResourceInfo): Readonly<Record<string, FieldGetter>> {
  const common = info.namespaced ? COMMON : { "metadata.name": COMMON["metadata.name"] };
  return { ...common, ...(BY_KIND[info.kind] ?? {}) };
}

/**
 * The list options for one resource, or the server's BadRequest (already reworded as kubectl's
 * selector visitor does) when a selector does not parse or names an unsupported field.
 */
export function listOptionsFor(info: ResourceInfo, sel: SelectorFlags): ListOptions {
  try {
    const opts: { labelSelector?: ListOptions["labelSelector"]; fieldSelector?: ListOptions["fieldSelector"] } = {};
    if (sel.label !== "") {
      const s = parseSelector(sel.label);
      opts.labelSelector = (labels) => matches(s, labels);
    }
    if (sel.field !== "") {
      const labels = fieldLabels(info);
      const reqs = parseFieldSelector(sel.field);
      for (const r of reqs) if (!labels[r.field]) throw badRequest(`field label not supported: ${r.field}`);
      opts.fieldSelector = (obj) => reqs.every((r) => (labels[r.field](obj) === r.value) === (r.op === "="));
    }
    return opts;
  } catch (err) {
    if (err instanceof StatusError && err.reason === "BadRequest") throw selectorError(info, sel, err.message);
    throw err;
  }
}

/** `Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "x=y": …` */
export function selectorError(info: ResourceInfo, sel: SelectorFlags, message: string): StatusError {
  const gvr = `${info.group}/${info.version}, Resource=${info.plural}`;
  return badRequest(`Unable to find "${gvr}" that match label selector "${sel.label}", field selector "${sel.field}": ${message}`);
}
