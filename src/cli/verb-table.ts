// Every verb kubesim answers, with kubectl's one-line help, loaded lazily: only the module of
// the verb that runs is imported, which keeps start-up near `node -e 0`.

import type { Verb } from "./verb";

type Loader = () => Promise<{ default: Verb }>;

export interface VerbEntry {
  readonly short: string;
  readonly load: Loader;
  /** Section of `kubectl --help` it is listed under; sub-verbs have none. */
  readonly group?: string;
  /** Another name for the entry above it (`create sa`): help lists the command once. */
  readonly alias?: true;
}

const BASIC = "Basic Commands (Beginner)";
const INTERMEDIATE = "Basic Commands (Intermediate)";
const DEPLOY = "Deploy Commands";
const TROUBLE = "Troubleshooting and Debugging Commands";
const ADVANCED = "Advanced Commands";
const SETTINGS = "Settings Commands";
const OTHER = "Other Commands";
const SIM = "Simulation Commands (kubesim)";

export const VERBS: Readonly<Record<string, VerbEntry>> = {
  create: { short: "Create a resource from a file or from stdin", load: () => import("./verbs/create/index"), group: BASIC },
  "create deployment": { short: "Create a deployment with the specified name", load: () => import("./verbs/create/deployment") },
  "create deploy": { short: "Create a deployment with the specified name", load: () => import("./verbs/create/deployment"), alias: true },
  "create configmap": { short: "Create a config map from a local file, directory or literal value", load: () => import("./verbs/create/configmap") },
  "create cm": { short: "Create a config map from a local file, directory or literal value", load: () => import("./verbs/create/configmap"), alias: true },
  "create job": { short: "Create a job with the specified name", load: () => import("./verbs/create/job") },
  "create cronjob": { short: "Create a cron job with the specified name", load: () => import("./verbs/create/cronjob") },
  "create cj": { short: "Create a cron job with the specified name", load: () => import("./verbs/create/cronjob"), alias: true },
  "create namespace": { short: "Create a namespace with the specified name", load: () => import("./verbs/create/namespace") },
  "create ns": { short: "Create a namespace with the specified name", load: () => import("./verbs/create/namespace"), alias: true },
  "create serviceaccount": { short: "Create a service account with the specified name", load: () => import("./verbs/create/serviceaccount") },
  "create sa": { short: "Create a service account with the specified name", load: () => import("./verbs/create/serviceaccount"), alias: true },
  "create secret": { short: "Create a secret using a specified subcommand", load: () => import("./verbs/create/secret-index") },
  "create secret generic": { short: "Create a secret from a local file, directory, or literal value", load: () => import("./verbs/create/secret-generic") },
  "create service": { short: "Create a service using a specified subcommand", load: () => import("./verbs/create/service-index") },
  "create svc": { short: "Create a service using a specified subcommand", load: () => import("./verbs/create/service-index"), alias: true },
  "create service clusterip": { short: "Create a ClusterIP service", load: () => import("./verbs/create/service-clusterip") },
  "create service externalname": { short: "Create an ExternalName service", load: () => import("./verbs/create/service-externalname") },
  "create service loadbalancer": { short: "Create a LoadBalancer service", load: () => import("./verbs/create/service-loadbalancer") },
  "create service nodeport": { short: "Create a NodePort service", load: () => import("./verbs/create/service-nodeport") },
  "create svc clusterip": { short: "Create a ClusterIP service", load: () => import("./verbs/create/service-clusterip"), alias: true },
  "create svc externalname": { short: "Create an ExternalName service", load: () => import("./verbs/create/service-externalname"), alias: true },
  "create svc loadbalancer": { short: "Create a LoadBalancer service", load: () => import("./verbs/create/service-loadbalancer"), alias: true },
  "create svc nodeport": { short: "Create a NodePort service", load: () => import("./verbs/create/service-nodeport"), alias: true },
  expose: { short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service", load: () => import("./verbs/expose"), group: BASIC },
  set: { short: "Set specific features on objects", load: () => import("./verbs/set/index"), group: BASIC },
  "set image": { short: "Update the image of a pod template", load: () => import("./verbs/set/image") },
  "set env": { short: "Update environment variables on a pod template", load: () => import("./verbs/set/env") },
  "set resources": { short: "Update resource requests/limits on objects with pod templates", load: () => import("./verbs/set/resources") },
  run: { short: "Run a particular image on the cluster", load: () => import("./verbs/run"), group: BASIC },
  get: { short: "Display one or many resources", load: () => import("./verbs/get"), group: INTERMEDIATE },
  edit: { short: "Edit a resource on the server", load: () => import("./verbs/edit"), group: INTERMEDIATE },
  delete: { short: "Delete resources by file names, stdin, resources and names, or by resources and label selector", load: () => import("./verbs/delete"), group: INTERMEDIATE },
  rollout: { short: "Manage the rollout of a resource", load: () => import("./verbs/rollout/index"), group: DEPLOY },
  "rollout status": { short: "Show the status of the rollout", load: () => import("./verbs/rollout/status") },
  "rollout history": { short: "View rollout history", load: () => import("./verbs/rollout/history") },
  "rollout undo": { short: "Undo a previous rollout", load: () => import("./verbs/rollout/undo") },
  "rollout pause": { short: "Mark the provided resource as paused", load: () => import("./verbs/rollout/pause") },
  "rollout resume": { short: "Resume a paused resource", load: () => import("./verbs/rollout/resume") },
  "rollout restart": { short: "Restart a resource", load: () => import("./verbs/rollout/restart") },
  scale: { short: "Set a new size for a deployment, replica set, or replication controller", load: () => import("./verbs/scale"), group: DEPLOY },
  describe: { short: "Show details of a specific resource or group of resources", load: () => import("./verbs/describe"), group: TROUBLE },
  logs: { short: "Print the logs for a container in a pod", load: () => import("./verbs/logs"), group: TROUBLE },
  exec: { short: "Execute a command in a container", load: () => import("./verbs/exec"), group: TROUBLE },
  cp: { short: "Copy files and directories to and from containers", load: () => import("./verbs/cp"), group: TROUBLE },
  apply: { short: "Apply a configuration to a resource by file name or stdin", load: () => import("./verbs/apply"), group: ADVANCED },
  patch: { short: "Update fields of a resource", load: () => import("./verbs/patch"), group: ADVANCED },
  replace: { short: "Replace a resource by file name or stdin", load: () => import("./verbs/replace"), group: ADVANCED },
  wait: { short: "Experimental: Wait for a specific condition on one or many resources", load: () => import("./verbs/wait"), group: ADVANCED },
  label: { short: "Update the labels on a resource", load: () => import("./verbs/label"), group: SETTINGS },
  annotate: { short: "Update the annotations on a resource", load: () => import("./verbs/annotate"), group: SETTINGS },
  "api-resources": { short: "Print the supported API resources on the server", load: () => import("./verbs/api-resources"), group: OTHER },
  config: { short: "Modify kubeconfig files", load: () => import("./verbs/config/index"), group: OTHER },
  "config current-context": { short: "Display the current-context", load: () => import("./verbs/config/current-context") },
  "config get-contexts": { short: "Describe one or many contexts", load: () => import("./verbs/config/get-contexts") },
  "config set-context": { short: "Set a context entry in kubeconfig", load: () => import("./verbs/config/set-context") },
  "config use-context": { short: "Set the current-context in a kubeconfig file", load: () => import("./verbs/config/use-context") },
  "config view": { short: "Display merged kubeconfig settings or a specified kubeconfig file", load: () => import("./verbs/config/view") },
  version: { short: "Print the client and server version information", load: () => import("./verbs/version"), group: OTHER },
  sim: { short: "Control the simulation: time, nodes, load, failures", load: () => import("./verbs/sim/index"), group: SIM },
  "sim advance": { short: "Move simulated time forward, printing what happened", load: () => import("./verbs/sim/advance") },
  "sim reset": { short: "Start a fresh simulated cluster", load: () => import("./verbs/sim/reset") },
  "sim status": { short: "Show the simulated clock, tick, seed, nodes and object counts", load: () => import("./verbs/sim/status") },
  "sim clock": { short: "Show the clock, or set the default tick", load: () => import("./verbs/sim/clock") },
  "sim node": { short: "Add, delete, fail or recover simulated nodes", load: () => import("./verbs/sim/node") },
  "sim node add": { short: "Add a node whose kubelet registers it Ready", load: () => import("./verbs/sim/node-add") },
  "sim node delete": { short: "Delete a node; pod GC removes its pods 40s later", load: () => import("./verbs/sim/node-delete") },
  "sim node fail": { short: "Stop a node's kubelet: NotReady after 50s, pods evicted after 5m", load: () => import("./verbs/sim/node-fail") },
  "sim node recover": { short: "Restart a failed node's kubelet: Ready again", load: () => import("./verbs/sim/node-recover") },
  "sim node static-dir": { short: "Print a node's static pod folder (its kubelet's staticPodPath)", load: () => import("./verbs/sim/node-static-dir") },
  "sim load": { short: "Set simulated CPU and memory use of a pod or a workload's pods", load: () => import("./verbs/sim/load") },
  "sim kill": { short: "Make a container crash now", load: () => import("./verbs/sim/kill") },
};
