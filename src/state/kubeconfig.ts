// The kubeconfig kubesim keeps beside its state file (<state>.kubeconfig): contexts and the
// namespace each one defaults to. `kubectl config` reads and writes it; every verb's default
// namespace comes from its current context. It is stored as JSON — a kubeconfig the real
// kubectl reads as well — so start-up needs no YAML parser.

import * as fs from "node:fs";
import * as path from "node:path";

export interface KubeconfigContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string };
}

export interface Kubeconfig {
  apiVersion: "v1";
  kind: "Config";
  preferences: Record<string, unknown>;
  "current-context": string;
  clusters: { name: string; cluster: Record<string, string> }[];
  contexts: KubeconfigContext[];
  users: { name: string; user: Record<string, string> }[];
}

export const CONTEXT = "kubesim";

export function kubeconfigPath(statePath: string): string {
  const dir = path.dirname(statePath);
  return path.join(dir, `${path.basename(statePath, ".json")}.kubeconfig`);
}

export function defaultKubeconfig(): Kubeconfig {
  return {
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    "current-context": CONTEXT,
    clusters: [{ name: CONTEXT, cluster: { "certificate-authority-data": "DATA+OMITTED", server: "https://127.0.0.1:6443" } }],
    contexts: [{ name: CONTEXT, context: { cluster: CONTEXT, user: CONTEXT } }],
    users: [{ name: CONTEXT, user: { "client-certificate-data": "DATA+OMITTED", "client-key-data": "DATA+OMITTED" } }],
  };
}

/** The kubeconfig, or the default one when the file does not exist or cannot be parsed. */
export function readKubeconfig(statePath: string): Kubeconfig {
  let text: string;
  try {
    text = fs.readFileSync(kubeconfigPath(statePath), "utf8");
  } catch {
    return defaultKubeconfig();
  }
  try {
    const cfg = JSON.parse(text) as Kubeconfig;
    return cfg && Array.isArray(cfg.contexts) ? cfg : defaultKubeconfig();
  } catch {
    return defaultKubeconfig();
  }
}

export function writeKubeconfig(statePath: string, cfg: Kubeconfig): void {
  const file = kubeconfigPath(statePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(cfg, null, 2) + "\n");
  fs.renameSync(tmp, file);
}

/** The namespace the current (or named) context defaults to. */
export function contextNamespace(cfg: Kubeconfig, context?: string): string {
  const name = context ?? cfg["current-context"];
  return cfg.contexts.find((c) => c.name === name)?.context.namespace || "default";
}
