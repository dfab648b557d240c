// The bad-input catalog's runner (issue 7): each entry is input a user may feed kubesim, the
// exact message kubectl prints for it, exit code 1, and the state file left byte for byte as it
// was. Entries are grouped by family in the *.test.ts files beside this one.

import * as fs from "node:fs";
import { expect, it } from "vitest";
import { harness, type Harness } from "../cli-harness";

export interface Step {
  /** Written as its own file before the step runs; $F in args names it. */
  readonly file?: string;
  readonly args: readonly string[];
}

export interface Entry {
  readonly name: string;
  /** The file written as x.yaml (its path is $F in args and stderr). */
  readonly file?: string | Buffer;
  readonly args: readonly string[];
  readonly stderr: string;
  /** Commands that must succeed first (e.g. creating the object an update then breaks). */
  readonly setup?: readonly Step[];
}

/** Writes a step's file and substitutes its path for $F. */
export function stepArgs(h: Harness, name: string, step: Step): string[] {
  const f = step.file === undefined ? "" : h.file(name, step.file);
  return step.args.map((a) => a.replace("$F", f));
}

/** One test per entry: kubectl's stderr, nothing on stdout, exit 1, the state file unchanged. */
export function runCatalog(entries: readonly Entry[]): void {
  it.each(entries)("$name", async ({ file, args, stderr, setup }) => {
    const h = await harness();
    for (const [i, step] of (setup ?? []).entries()) {
      const r = await h.run(...stepArgs(h, `setup-${i}.yaml`, step));
      expect(r.code, r.stderr).toBe(0);
    }
    const f = file === undefined ? "" : h.file("x.yaml", file as string);
    await h.run("get", "ns");
    const before = fs.readFileSync(h.state);
    const r = await h.run(...args.map((a) => a.replace("$F", f)));
    expect(r).toEqual({ stdout: "", stderr: stderr.replaceAll("$F", f), code: 1 });
    expect(fs.readFileSync(h.state).equals(before)).toBe(true);
  });
}

export const deployment = (name: string, labels: string, selector: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${selector}
  template:
    metadata:
      labels:
        app: ${labels}
    spec:
      containers:
      - name: c
        image: nginx
${extra}`;

export const RFC1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export const RFC1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export const DNS1035_LABEL =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** The warning client-side apply prints for an object `create` made (no last-applied annotation). */
export const missingAnnotationWarning = (resource: string) =>
  `Warning: resource ${resource} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
