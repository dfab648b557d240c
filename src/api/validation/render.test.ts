import { describe, expect, it } from "vitest";
import type { FieldIssue } from "./issues";
import { duplicate, forbiddenField, invalidValue, notSupported, required } from "./issues";
import { renderInvalid, renderIssue } from "./render";

const issueCases: { name: string; issue: FieldIssue; want: string }[] = [
  { name: "prints Required without a value", issue: required("spec.selector"), want: "spec.selector: Required value" },
  {
    name: "appends the detail of a Required issue",
    issue: required("metadata.name", "name or generateName is required"),
    want: "metadata.name: Required value: name or generateName is required",
  },
  {
    name: "prints integers plainly",
    issue: invalidValue("spec.replicas", -1, "must be greater than or equal to 0"),
    want: "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
  },
  { name: "prints booleans plainly", issue: invalidValue("spec.x", true, "bad"), want: "spec.x: Invalid value: true: bad" },
  {
    name: "Go-quotes strings, escaping quotes and newlines",
    issue: invalidValue("metadata.name", 'a"b\n', "bad"),
    want: 'metadata.name: Invalid value: "a\\"b\\n": bad',
  },
  {
    name: "prints a map with sorted keys in %#v syntax",
    issue: invalidValue("spec.template.metadata.labels", { tier: "web", app: "nginx" }, "x", "map[string]string"),
    want: 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx", "tier":"web"}: x',
  },
  {
    name: "prints a nil map as a typed nil",
    issue: invalidValue("spec.template.metadata.labels", undefined, "x", "map[string]string"),
    want: "spec.template.metadata.labels: Invalid value: map[string]string(nil): x",
  },
  {
    name: "prints a label selector struct in %#v syntax",
    issue: invalidValue("spec.selector", { matchLabels: { app: "nginx2" } }, "field is immutable", "v1.LabelSelector"),
    want: 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  },
  {
    name: "prints match expressions inside a selector",
    issue: invalidValue("spec.selector", { matchExpressions: [{ key: "a", operator: "In", values: ["x"] }] }, "y", "v1.LabelSelector"),
    want: 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"a", Operator:"In", Values:[]string{"x"}}}}: y',
  },
  {
    name: "lists supported values quoted",
    issue: notSupported("spec.template.spec.restartPolicy", "Never", ["Always"]),
    want: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  },
  { name: "prints Duplicate with the value", issue: duplicate("spec.containers[1].name", "app"), want: 'spec.containers[1].name: Duplicate value: "app"' },
  { name: "prints Forbidden with its detail", issue: forbiddenField("spec", "nope"), want: "spec: Forbidden: nope" },
];

describe("renderIssue", () => {
  it.each(issueCases)("$name", ({ issue, want }) => expect(renderIssue(issue)).toBe(want));
});

const invalidCases: { name: string; issues: FieldIssue[]; want: string }[] = [
  {
    name: "puts a single cause on the first line",
    issues: [invalidValue("spec.replicas", -1, "must be greater than or equal to 0")],
    want: 'The Deployment "nginx" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: "lists several causes under a line ending in a space",
    issues: [
      required("spec.selector"),
      invalidValue("spec.template.metadata.labels", { app: "nginx" }, "`selector` does not match template `labels`", "map[string]string"),
    ],
    want:
      'The Deployment "nginx" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
  },
  {
    name: "drops duplicate causes",
    issues: [required("spec.selector"), required("spec.selector")],
    want: 'The Deployment "nginx" is invalid: spec.selector: Required value',
  },
];

describe("renderInvalid", () => {
  it.each(invalidCases)("$name", ({ issues, want }) => expect(renderInvalid("Deployment", "nginx", issues)).toBe(want));
});
