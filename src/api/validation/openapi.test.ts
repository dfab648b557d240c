import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { infoForKind } from "../registry";
import { decodeErrors, unknownFields, validateSchema } from "./openapi";
import { renderIssue } from "./render";

const deployment = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
    ...spec,
  },
});
const pod = (container: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec: { containers: [{ name: "c", image: "nginx", ...container }], ...extra },
});

interface Case {
  name: string;
  obj: KubeObject;
  unknown?: string[];
  required?: string[];
  decode?: string[];
}

const cases: Case[] = [
  { name: "accepts a complete deployment", obj: deployment({ replicas: 3 }), unknown: [], required: [], decode: [] },
  { name: "reports a misspelt spec field by its path", obj: deployment({ replica: 3 }), unknown: ["spec.replica"] },
  {
    name: "reports a misspelt container field with its list index",
    obj: pod({ imagePullPolicyy: "Always" }),
    unknown: ["spec.containers[0].imagePullPolicyy"],
  },
  {
    name: "reports several unknown fields in the order the server decodes them (sorted keys)",
    obj: deployment({ zeta: 1, alpha: 2 }),
    unknown: ["spec.alpha", "spec.zeta"],
  },
  { name: "reports an unknown top-level field", obj: { ...deployment({}), extra: true }, unknown: ["extra"] },
  { name: "accepts any keys inside labels", obj: pod({}, { nodeSelector: { "disk/type": "ssd" } }), unknown: [] },
  { name: "ignores null values as Go's decoder does", obj: deployment({ replicas: null, strategy: null }), unknown: [], decode: [] },
  { name: "reports a missing required selector", obj: deployment({ selector: undefined }), required: ["spec.selector: Required value"] },
  {
    name: "reports a missing container name with its index",
    obj: pod({ name: undefined }),
    required: ["spec.containers[0].name: Required value"],
  },
  {
    name: "reports a missing containerPort",
    obj: pod({ ports: [{ name: "http" }] }),
    required: ["spec.containers[0].ports[0].containerPort: Required value"],
  },
  {
    name: "gives Go's decode error for a string where an int32 belongs",
    obj: deployment({ replicas: "3" }),
    decode: ["json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"],
  },
  {
    name: "names the number that does not fit an integer field",
    obj: pod({ ports: [{ containerPort: 80.5 }] }),
    decode: ["json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"],
  },
  {
    name: "gives the Go list type when a list is expected",
    obj: pod({}, { containers: { name: "c" } }),
    decode: ["json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"],
  },
  {
    name: "reports a number label value as a map[string]string decode error",
    obj: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { v: 1 } } } as unknown as KubeObject,
    decode: ["json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"],
  },
  { name: "accepts numeric resource quantities", obj: pod({ resources: { limits: { cpu: 1, memory: "1Gi" } } }), decode: [], unknown: [] },
  { name: "accepts a named or numbered targetPort", obj: pod({ ports: [{ containerPort: 80 }] }), decode: [] },
  {
    name: "gives Go's decode error for a bool where a string belongs",
    obj: pod({ image: true }),
    decode: ["json: cannot unmarshal bool into Go struct field Container.spec.containers.image of type string"],
  },
];

describe("openapi schema validation", () => {
  it.each(cases)("$name", ({ obj, unknown, required, decode }) => {
    const info = infoForKind(obj.kind)!;
    if (unknown) expect(unknownFields(obj, info)).toEqual(unknown);
    if (required) expect(validateSchema(obj, info).map(renderIssue)).toEqual(required);
    if (decode) expect(decodeErrors(obj, info)).toEqual(decode);
  });

  it("validates services against their own schema, including int-or-string targetPort", () => {
    const svc: KubeObject = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web" },
      spec: { ports: [{ port: 80, targetPort: "http" }, { port: 81, targetPort: 8080, nodePortt: 1 }] },
    };
    expect(unknownFields(svc, infoForKind("Service")!)).toEqual(["spec.ports[1].nodePortt"]);
    expect(decodeErrors(svc, infoForKind("Service")!)).toEqual([]);
  });
});
