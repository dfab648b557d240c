import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { infoForKind } from "../registry";
import { validateMetadata } from "./names";
import { renderIssue } from "./render";

const obj = (kind: string, metadata: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind, metadata });
const check = (kind: string, metadata: Record<string, unknown>) => validateMetadata(obj(kind, metadata), infoForKind(kind)!).map(renderIssue);

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const cases: { name: string; kind: string; metadata: Record<string, unknown>; want: string[] }[] = [
  { name: "accepts a valid deployment name", kind: "Deployment", metadata: { name: "web-1.v2" }, want: [] },
  {
    name: "requires a name when generateName is absent",
    kind: "Deployment",
    metadata: {},
    want: ["metadata.name: Required value: name or generateName is required"],
  },
  { name: "accepts generateName instead of a name", kind: "Pod", metadata: { generateName: "web-" }, want: [] },
  {
    name: "rejects upper case and underscores in a subdomain name",
    kind: "Deployment",
    metadata: { name: "My_App" },
    want: [`metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`],
  },
  {
    name: "rejects a subdomain name longer than 253 characters",
    kind: "ConfigMap",
    metadata: { name: "a".repeat(254) },
    want: [`metadata.name: Invalid value: "${"a".repeat(254)}": must be no more than 253 characters`],
  },
  {
    name: "rejects dots in a namespace name (DNS-1123 label)",
    kind: "Namespace",
    metadata: { name: "team.a" },
    want: ['metadata.name: Invalid value: "team.a": must not contain dots'],
  },
  {
    name: "rejects a namespace name that ends with a dash",
    kind: "Namespace",
    metadata: { name: "team-" },
    want: [`metadata.name: Invalid value: "team-": ${LABEL}`],
  },
  {
    name: "rejects a service name starting with a digit (DNS-1035 label)",
    kind: "Service",
    metadata: { name: "1web" },
    want: [`metadata.name: Invalid value: "1web": ${DNS1035}`],
  },
  {
    name: "validates generateName with its trailing dash masked",
    kind: "Pod",
    metadata: { generateName: "Web-" },
    want: [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`],
  },
  {
    name: "reports a bad label key at the labels path with the key as value",
    kind: "Pod",
    metadata: { name: "p", labels: { "bad key": "x" } },
    want: [`metadata.labels: Invalid value: "bad key": ${QUALIFIED}`],
  },
  {
    name: "reports an empty label key prefix",
    kind: "Pod",
    metadata: { name: "p", labels: { "/app": "x" } },
    want: ['metadata.labels: Invalid value: "/app": prefix part must be non-empty'],
  },
  {
    name: "reports a bad label value",
    kind: "Pod",
    metadata: { name: "p", labels: { app: "-web" } },
    want: [`metadata.labels: Invalid value: "-web": ${LABEL_VALUE}`],
  },
  {
    name: "reports a label value longer than 63 characters",
    kind: "Pod",
    metadata: { name: "p", labels: { app: "a".repeat(64) } },
    want: [`metadata.labels: Invalid value: "${"a".repeat(64)}": must be no more than 63 characters`],
  },
  {
    name: "accepts upper case annotation keys with a prefix",
    kind: "Pod",
    metadata: { name: "p", annotations: { "example.com/Some-Key": "anything at all" } },
    want: [],
  },
  {
    name: "rejects an annotation key with two slashes",
    kind: "Pod",
    metadata: { name: "p", annotations: { "a/b/c": "x" } },
    want: [
      `metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
  },
  { name: "allows path-segment names for RBAC kinds", kind: "ClusterRole", metadata: { name: "system:Admin" }, want: [] },
  {
    name: "rejects a slash in an RBAC name",
    kind: "Role",
    metadata: { name: "a/b" },
    want: [`metadata.name: Invalid value: "a/b": may not contain '/'`],
  },
];

describe("validateMetadata", () => {
  it.each(cases)("$name", ({ kind, metadata, want }) => {
    expect(check(kind, metadata)).toEqual(want);
  });
});
