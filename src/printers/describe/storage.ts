// describe persistentvolumeclaim / persistentvolume / storageclass (reference §2.13). Port of
// describePersistentVolumeClaim, describePersistentVolume and describeStorageClass in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go.

import type { KubeObject } from "../../api/types";
import { formatLabels } from "../../api/selectors";
import { accessModes } from "../table/storage";
import { age, rfc1123z } from "../age";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

const BETA_CLASS = "volume.beta.kubernetes.io/storage-class";
const classOf = (o: KubeObject): string => o.metadata.annotations?.[BETA_CLASS] ?? o.spec?.storageClassName ?? "";
/** Go's %v of a []string: [a b]. */
const goSlice = (items: readonly string[] | undefined): string => `[${(items ?? []).join(" ")}]`;

function status(obj: KubeObject, ctx: DescribeContext): string {
  if (obj.metadata.deletionTimestamp) return `Terminating (lasts ${age(obj.metadata.deletionTimestamp, ctx.now)})`;
  return obj.status?.phase ?? "";
}

export function describePersistentVolumeClaim(pvc: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.line(0, `Name:\t${pvc.metadata.name}`);
  w.line(0, `Namespace:\t${pvc.metadata.namespace}`);
  w.line(0, `StorageClass:\t${classOf(pvc)}`);
  w.line(0, `Status:\t${status(pvc, ctx)}`);
  w.line(0, `Volume:\t${pvc.spec?.volumeName ?? ""}`);
  labelsMultiline(w, "Labels", pvc.metadata.labels);
  annotationsMultiline(w, "Annotations", pvc.metadata.annotations);
  w.line(0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}`);
  const bound = Boolean(pvc.spec?.volumeName);
  w.line(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? "0") : ""}`);
  w.line(0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ""}`);
  if (pvc.spec?.volumeMode) w.line(0, `VolumeMode:\t${pvc.spec.volumeMode}`);
  const source = pvc.spec?.dataSource;
  if (source) {
    w.line(0, "DataSource:");
    if (source.apiGroup) w.line(1, `APIGroup:\t${source.apiGroup}`);
    w.line(1, `Kind:\t${source.kind}`);
    w.line(1, `Name:\t${source.name}`);
  }
  const users = usedBy(pvc, ctx);
  w.write(0, "Used By:\t");
  if (users.length === 0) w.write(0, "<none>\n");
  users.forEach((name, i) => w.write(0, i === 0 ? `${name}\n` : `\t${name}\n`));
  const conditions = (pvc.status?.conditions ?? []) as any[];
  if (conditions.length > 0) {
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage");
    w.line(1, "----\t------\t-----------------\t------------------\t------\t-------");
    for (const c of conditions) w.line(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}`);
  }
  describeEvents(w, eventsFor(pvc, ctx.view), ctx.now);
  return w.done();
}

/** getPodsForPVC: pods of the namespace with a volume naming the claim, sorted by name. */
function usedBy(pvc: KubeObject, ctx: DescribeContext): string[] {
  return ctx.view
    .list("Pod", pvc.metadata.namespace)
    .filter((p) => ((p.spec?.volumes ?? []) as any[]).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name ?? "")
    .sort();
}

export function describePersistentVolume(pv: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = pv.spec ?? {};
  w.line(0, `Name:\t${pv.metadata.name}`);
  labelsMultiline(w, "Labels", pv.metadata.labels);
  annotationsMultiline(w, "Annotations", pv.metadata.annotations);
  w.line(0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}`);
  w.line(0, `StorageClass:\t${classOf(pv)}`);
  w.line(0, `Status:\t${status(pv, ctx)}`);
  w.line(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ""}/${spec.claimRef.name ?? ""}` : ""}`);
  w.line(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ""}`);
  w.line(0, `Access Modes:\t${accessModes(spec.accessModes)}`);
  if (spec.volumeMode) w.line(0, `VolumeMode:\t${spec.volumeMode}`);
  w.line(0, `Capacity:\t${spec.capacity?.storage ?? "0"}`);
  volumeNodeAffinity(w, spec.nodeAffinity);
  w.line(0, `Message:\t${pv.status?.message ?? ""}`);
  w.line(0, "Source:");
  volumeSource(w, spec);
  describeEvents(w, eventsFor(pv, ctx.view), ctx.now);
  return w.done();
}

/** printVolumeNodeAffinity and printNodeSelectorTermsMultilineWithIndent. */
function volumeNodeAffinity(w: PrefixWriter, affinity: any): void {
  w.write(0, "Node Affinity:\t");
  if (!affinity?.required) return w.write(0, "<none>\n");
  w.write(0, "\n");
  w.write(1, "Required Terms:\t");
  const terms = (affinity.required.nodeSelectorTerms ?? []) as any[];
  if (terms.length === 0) return w.write(0, "<none>\n");
  w.write(0, "\n");
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs = (term.matchExpressions ?? []) as any[];
    if (reqs.length === 0) return w.write(0, "<none>\n");
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(2, "\t");
      const values = (r.values ?? []) as string[];
      w.write(0, `${r.key} ${String(r.operator).toLowerCase()}${values.length > 0 ? ` [${values.join(", ")}]` : ""}\n`);
    });
  });
}

/** The volume sources kubesim's volumes use; others print kubectl's fallback. */
function volumeSource(w: PrefixWriter, spec: any): void {
  if (spec.hostPath) {
    w.line(2, "Type:\tHostPath (bare host directory volume)");
    w.line(0, `    Path:\t${spec.hostPath.path}`);
    w.line(0, `    HostPathType:\t${spec.hostPath.type ?? "<none>"}`);
  } else if (spec.local) {
    w.line(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)");
    w.line(0, `    Path:\t${spec.local.path}`);
  } else if (spec.nfs) {
    w.line(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)");
    w.line(0, `    Server:\t${spec.nfs.server}`);
    w.line(0, `    Path:\t${spec.nfs.path}`);
    w.line(0, `    ReadOnly:\t${spec.nfs.readOnly === true}`);
  } else w.line(1, "<unknown>");
}

export function describeStorageClass(sc: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const s = sc as any;
  const a = sc.metadata.annotations ?? {};
  const isDefault = a["storageclass.kubernetes.io/is-default-class"] === "true" || a["storageclass.beta.kubernetes.io/is-default-class"] === "true";
  w.line(0, `Name:\t${sc.metadata.name}`);
  w.line(0, `IsDefaultClass:\t${isDefault ? "Yes" : "No"}`);
  w.line(0, `Annotations:\t${formatLabels(a)}`);
  w.line(0, `Provisioner:\t${s.provisioner ?? ""}`);
  w.line(0, `Parameters:\t${formatLabels(s.parameters)}`);
  w.line(0, `AllowVolumeExpansion:\t${s.allowVolumeExpansion === undefined ? "<unset>" : s.allowVolumeExpansion ? "True" : "False"}`);
  const options = (s.mountOptions ?? []) as string[];
  if (options.length === 0) w.line(0, "MountOptions:\t<none>");
  else {
    w.line(0, "MountOptions:");
    for (const o of options) w.line(1, o);
  }
  if (s.reclaimPolicy) w.line(0, `ReclaimPolicy:\t${s.reclaimPolicy}`);
  if (s.volumeBindingMode) w.line(0, `VolumeBindingMode:\t${s.volumeBindingMode}`);
  const topologies = s.allowedTopologies as any[] | undefined;
  if (topologies) {
    w.write(0, "AllowedTopologies:\t");
    if (topologies.length === 0) w.write(0, "<none>\n");
    else {
      w.write(0, "\n");
      topologies.forEach((t, i) => {
        w.write(1, `Term ${i}:\t`);
        ((t.matchLabelExpressions ?? []) as any[]).forEach((e, j) => {
          if (j !== 0) w.write(1, "\t");
          w.write(0, `${e.key} in [${(e.values ?? []).join(", ")}]\n`);
        });
      });
    }
  }
  describeEvents(w, eventsFor(sc, ctx.view), ctx.now);
  return w.done();
}

