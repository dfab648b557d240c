import { beforeAll, describe, expect, it } from "vitest";
import { RawJson } from "../api/store/raw-json";
import { ROOT_CA_CRT } from "../controllers/serviceaccount";
import { fakeServiceAccountToken } from "../runtime/fs";
import { encodeRuntimeRecord, loadRecordCodec, RuntimeRecords } from "./runtime-records";

const uid = "0b5e6f4c-1111-4222-8333-444455556666";
const token = fakeServiceAccountToken({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "shop", uid }, spec: {} });
/** A pod record whose service-account volume is all that is recomputed. */
const record = {
  sandbox: { ip: "10.244.1.7", createdAt: 1000, readyAt: 2000 },
  containers: [{ name: "app", imageReady: true, env: { HOSTNAME: "web", MODE: "demo" } }],
  volumes: {
    "kube-api-access-q2w3e": { files: { token, "ca.crt": ROOT_CA_CRT, namespace: "shop" }, dirs: [], modes: { token: 420, "ca.crt": 420, namespace: 420 } },
  },
};
const raw = (text: string | Buffer) => new RawJson(Buffer.from(text), () => new Error("corrupt"));

describe("runtime records in the state file", () => {
  beforeAll(loadRecordCodec);

  it("saves a decoded pod record short and reads it back as it was", () => {
    const saved = encodeRuntimeRecord(record, uid);
    expect(String(saved)).toBe(
      '{"@pod":{"name":"web","ns":"shop"},"sandbox":"10.244.1.7 1000",' +
        '"containers":[{"name":"app","imageReady":true,"env":{"HOSTNAME":"web","MODE":"demo"}}],"volumes":{"kube-api-access-q2w3e":"@serviceaccount"}}',
    );
    const records = new RuntimeRecords([[uid, raw(saved)]]);
    expect(JSON.stringify(records.get(uid))).toBe(JSON.stringify(record));
  });

  it("reads a full record written before the short form, and writes undecoded bytes back untouched", () => {
    const bytes = Buffer.from(JSON.stringify(record));
    const records = new RuntimeRecords([[uid, raw(bytes)], ["node:w", raw('{"images":{},"pullFreeAt":0,"pods":{}}')]]);
    expect(encodeRuntimeRecord(records.held()[0][1], uid)).toEqual(bytes);
    expect(records.get(uid)).toEqual(record);
    expect(records.get("node:w")).toEqual({ images: {}, pullFreeAt: 0, pods: {} });
  });

  it("expands a short record of a state read as plain JSON (not in the line layout)", () => {
    const short = JSON.parse(String(encodeRuntimeRecord(record, uid)));
    const records = new RuntimeRecords(Object.entries({ [uid]: short }));
    expect(records.get(uid)).toEqual(record);
    expect([...records.values()]).toEqual([record]);
  });

  it("saves a record with nothing to recompute in full", () => {
    const node = { images: { "docker.io/library/nginx:latest": 5 }, pullFreeAt: 0, pods: {} };
    expect(encodeRuntimeRecord(node, "node:w")).toBe(JSON.stringify(node));
  });
});
