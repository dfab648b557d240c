// At least one invalid object per kind kubesim validates (src/api/validation/semantics.ts),
// each with the API server's message for it (pkg/apis/*/validation, kubernetes v1.32).

import { describe } from "vitest";
import { RFC1123_LABEL, RFC1123_SUBDOMAIN, runCatalog, type Entry } from "./catalog";

const MISMATCH = "Invalid value: map[string]string{\"app\":\"b\"}: `selector` does not match template `labels`";

/** A workload of this kind whose selector wants app=a and whose template is labelled app=b. */
const mismatched = (apiVersion: string, kind: string, extra = "") => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: w
spec:
${extra}  selector:
    matchLabels:
      app: a
  template:
    metadata:
      labels:
        app: b
    spec:
      containers:
      - name: c
        image: nginx
`;

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;
const container = "  - name: c\n    image: nginx\n";

/** A CronJob with this schedule (a YAML scalar) and extra spec lines; its pods use restartPolicy. */
const cronJob = (schedule: string, extra = "", restartPolicy = "          restartPolicy: OnFailure\n") => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: ${schedule}
${extra}  jobTemplate:
    spec:
      template:
        spec:
${restartPolicy}          containers:
          - name: c
            image: busybox
`;

/** An autoscaling/v2 HPA for Deployment web with these spec lines. */
const hpa = (replicas: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n${replicas}`;

const entries: Entry[] = [
  {
    name: "Pod: a restartPolicy that does not exist",
    file: pod(`  restartPolicy: Sometimes\n  containers:\n${container}`),
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"\n',
  },
  {
    name: "Pod: two containers with one name",
    file: pod(`  containers:\n${container}${container}`),
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "p" is invalid: spec.containers[1].name: Duplicate value: "c"\n',
  },
  {
    name: "Pod: a containerPort of 0",
    file: pod(`  containers:\n${container}    ports:\n    - containerPort: 0\n`),
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Required value\n',
  },
  {
    name: "Deployment: a selector that does not match the template",
    file: mismatched("apps/v1", "Deployment"),
    args: ["create", "-f", "$F"],
    stderr: `The Deployment "w" is invalid: spec.template.metadata.labels: ${MISMATCH}\n`,
  },
  {
    name: "ReplicaSet: negative replicas",
    file: mismatched("apps/v1", "ReplicaSet", "  replicas: -2\n").replace("app: b", "app: a"),
    args: ["create", "-f", "$F"],
    stderr: 'The ReplicaSet "w" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0\n',
  },
  {
    name: "ReplicationController: a selector that does not match the template",
    file: mismatched("v1", "ReplicationController").replace("  selector:\n    matchLabels:\n      app: a\n", "  selector:\n    app: a\n"),
    args: ["create", "-f", "$F"],
    stderr: `The ReplicationController "w" is invalid: spec.template.metadata.labels: ${MISMATCH}\n`,
  },
  {
    name: "StatefulSet: a selector that does not match the template",
    file: mismatched("apps/v1", "StatefulSet", "  serviceName: w\n"),
    args: ["create", "-f", "$F"],
    stderr: `The StatefulSet "w" is invalid: spec.template.metadata.labels: ${MISMATCH}\n`,
  },
  {
    name: "DaemonSet: a selector that does not match the template",
    file: mismatched("apps/v1", "DaemonSet"),
    args: ["create", "-f", "$F"],
    stderr: `The DaemonSet "w" is invalid: spec.template.metadata.labels: ${MISMATCH}\n`,
  },
  {
    // ServiceAccount admission; a name-less pod is called by its generateName.
    name: "Pod: a serviceAccountName that does not exist",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: robot\n  containers:\n  - name: c\n    image: nginx\n",
    args: ["apply", "-f", "$F"],
    stderr: 'Error from server (Forbidden): error when creating "$F": pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n',
  },
  {
    // ServiceAccount admission runs in the mutating phase, before the pod is validated.
    name: "Pod: an invalid pod naming a ServiceAccount that does not exist: the ServiceAccount is reported",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: robot\n  containers:\n  - name: c\n",
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (Forbidden): error when creating "$F": pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n',
  },
  {
    name: "Pod: a serviceAccountName that does not exist, on a pod named from generateName",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: p-\nspec:\n  serviceAccountName: robot\n  containers:\n  - name: c\n    image: nginx\n",
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (Forbidden): error when creating "$F": pods "p-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n',
  },
  {
    // The generated name is in the message; the refused create draws nothing, so the state is unchanged.
    name: "Pod: an invalid pod named from generateName",
    file: "apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: p-\nspec:\n  containers:\n  - name: c\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Pod "p-xkzt6" is invalid: spec.containers[0].image: Required value\n',
  },
  {
    // validateEndpointAddress (pkg/apis/core/validation): IsValidIP, then ValidateNonSpecialIP.
    name: "Endpoints: an address that is not an IP",
    file: "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ep\nsubsets:\n- addresses:\n  - ip: db.example.com\n  ports:\n  - port: 5432\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Endpoints "ep" is invalid: subsets[0].addresses[0].ip: Invalid value: "db.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
  },
  {
    name: "Endpoints: a loopback address",
    file: "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ep\nsubsets:\n- addresses:\n  - ip: 127.0.0.1\n  ports:\n  - port: 5432\n",
    args: ["apply", "-f", "$F"],
    stderr: 'The Endpoints "ep" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)\n',
  },
  {
    name: "EndpointSlice: an addressType that does not exist",
    file: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: es\naddressType: IP\nendpoints:\n- addresses: [10.1.1.1]\n",
    args: ["create", "-f", "$F"],
    stderr: 'The EndpointSlice "es" is invalid: addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"\n',
  },
  {
    name: "Job: the default restartPolicy Always, which a Job may not use",
    file: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Job "j" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n',
  },
  {
    name: "Job: an Indexed Job with parallelism but no completions, and a negative TTL",
    file: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: Indexed\n  parallelism: 3\n  ttlSecondsAfterFinished: -1\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n",
    args: ["create", "-f", "$F"],
    stderr:
      'The Job "j" is invalid: \n* spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0\n* spec.completions: Required value: when completion mode is Indexed\n',
  },
  {
    name: "Job: a completionMode that does not exist",
    file: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: Numbered\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Job "j" is invalid: spec.completionMode: Unsupported value: "Numbered": supported values: "NonIndexed", "Indexed"\n',
  },
  {
    // The unset targetPort defaults to the port, so it is out of range too.
    name: "Service: a port out of range",
    file: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 70000\n",
    args: ["create", "-f", "$F"],
    stderr:
      'The Service "s" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
  },
  {
    name: "ConfigMap: a key with a space",
    file: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "bad key": v\n',
    args: ["create", "-f", "$F"],
    stderr:
      "The ConfigMap \"a\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
  },
  {
    // data is map[string][]byte: Go's JSON decoder base64-decodes it and stops at the space.
    name: "Secret: data that is not base64",
    file: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\ndata:\n  k: "not base64!"\n',
    args: ["create", "-f", "$F"],
    stderr: 'Error from server (BadRequest): error when creating "$F": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3\n',
  },
  {
    name: "Secret: a TLS secret without its keys",
    file: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/tls\ndata: {}\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Secret "s" is invalid: \n* data[tls.crt]: Required value\n* data[tls.key]: Required value\n',
  },
  {
    name: "PersistentVolumeClaim: no storage request",
    file: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: a\nspec:\n  accessModes: [ReadWriteOnce]\n",
    args: ["create", "-f", "$F"],
    stderr: 'The PersistentVolumeClaim "a" is invalid: spec.resources[storage]: Required value\n',
  },
  {
    name: "PersistentVolumeClaim: no access mode",
    file: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: a\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n",
    args: ["create", "-f", "$F"],
    stderr: 'The PersistentVolumeClaim "a" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n',
  },
  {
    name: "PersistentVolume: no access mode, no capacity, no volume source",
    file: "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  storageClassName: manual\n",
    args: ["create", "-f", "$F"],
    stderr:
      'The PersistentVolume "pv1" is invalid: \n* spec.accessModes: Required value\n* spec.capacity: Required value\n* spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"\n* spec: Required value: must specify a volume type\n',
  },
  {
    name: "PersistentVolume: a hostPath with no path",
    file: "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath: {}\n",
    args: ["create", "-f", "$F"],
    stderr: 'The PersistentVolume "pv1" is invalid: spec.hostPath.path: Required value\n',
  },
  {
    name: "CronJob: a schedule that is not a cron spec",
    file: cronJob('"not a schedule"'),
    args: ["create", "-f", "$F"],
    stderr: 'The CronJob "c" is invalid: spec.schedule: Invalid value: "not a schedule": expected exactly 5 fields, found 3: [not a schedule]\n',
  },
  {
    name: "CronJob: a minute out of range",
    file: cronJob('"61 * * * *"'),
    args: ["create", "-f", "$F"],
    stderr: 'The CronJob "c" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n',
  },
  {
    name: "CronJob: an unknown descriptor",
    file: cronJob("'@fortnightly'"),
    args: ["create", "-f", "$F"],
    stderr: 'The CronJob "c" is invalid: spec.schedule: Invalid value: "@fortnightly": unrecognized descriptor: @fortnightly\n',
  },
  {
    name: "CronJob: a negative deadline, an unknown concurrencyPolicy, the job's default restartPolicy",
    file: cronJob('"*/5 * * * *"', "  startingDeadlineSeconds: -10\n  concurrencyPolicy: Sometimes\n", ""),
    args: ["create", "-f", "$F"],
    stderr:
      'The CronJob "c" is invalid: \n* spec.startingDeadlineSeconds: Invalid value: -10: must be greater than or equal to 0\n* spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"\n* spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n',
  },
  {
    name: "CronJob: a time zone that does not exist",
    file: cronJob('"0 0 * * *"', "  timeZone: Mars/Olympus\n"),
    args: ["create", "-f", "$F"],
    stderr: 'The CronJob "c" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus\n',
  },
  {
    // minReplicas defaults to 1, so a maxReplicas of 0 breaks two rules.
    name: "HorizontalPodAutoscaler: maxReplicas 0",
    file: hpa("  maxReplicas: 0\n"),
    args: ["create", "-f", "$F"],
    stderr:
      'The HorizontalPodAutoscaler "h" is invalid: \n* spec.maxReplicas: Invalid value: 0: must be greater than 0\n* spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`\n',
  },
  {
    name: "HorizontalPodAutoscaler: minReplicas above maxReplicas",
    file: hpa("  minReplicas: 5\n  maxReplicas: 3\n"),
    args: ["create", "-f", "$F"],
    stderr: 'The HorizontalPodAutoscaler "h" is invalid: spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`\n',
  },
  {
    name: "StorageClass: no provisioner",
    file: "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: a\n",
    args: ["create", "-f", "$F"],
    stderr: 'The StorageClass "a" is invalid: provisioner: Required value\n',
  },
  {
    name: "Namespace: an underscore in the name",
    file: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: my_ns\n",
    args: ["create", "-f", "$F"],
    stderr: `The Namespace "my_ns" is invalid: metadata.name: Invalid value: "my_ns": ${RFC1123_LABEL}\n`,
  },
  {
    name: "ServiceAccount: an invalid name",
    file: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: Bad_SA\n",
    args: ["create", "-f", "$F"],
    stderr: `The ServiceAccount "Bad_SA" is invalid: metadata.name: Invalid value: "Bad_SA": ${RFC1123_SUBDOMAIN}\n`,
  },
  {
    // validateTaintEffect lists the effects in its own order, not sorted.
    name: "Node: a taint effect that does not exist",
    file: "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  taints:\n  - key: k\n    effect: Sometimes\n",
    args: ["create", "-f", "$F"],
    stderr: 'The Node "n1" is invalid: spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"\n',
  },
];

describe("the bad-input catalog: one invalid object per kind", () => runCatalog(entries));
