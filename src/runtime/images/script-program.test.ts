import { describe, expect, it } from "vitest";
import { httpAnswer, imageProcessFor } from "./behaviour";

describe("a shell script of one plain command runs the image's program", () => {
  it.each([
    { what: "the study notes' redis: sh -c redis-server /opt/redis.conf", image: "redis", command: ["sh"], args: ["-c", "redis-server", "/opt/redis.conf"], kind: "model", ports: [6379] },
    { what: "exec in the script", image: "redis", command: ["/bin/sh", "-c", "exec redis-server --port 6380"], args: undefined, kind: "model", ports: [6379] },
    { what: "a script with more than one command stays a script", image: "redis", command: ["sh", "-c", "echo hi; redis-server"], args: undefined, kind: "shell", ports: undefined },
    { what: "a command the image does not have stays a script", image: "redis", command: ["sh", "-c", "sleep 3600"], args: undefined, kind: "shell", ports: undefined },
  ])("$what", ({ image, command, args, kind, ports }) => {
    const p = imageProcessFor(image, { command, args });
    expect(p.kind).toBe(kind);
    if (p.kind === "model") expect(p.ports).toEqual(ports);
  });
});

describe("a web server serves the files its container has under its docRoot", () => {
  const ctx = (files: Record<string, string | undefined>) => ({ startedAt: 0 as never, hostname: "web-0", env: {}, readFile: (p: string) => files[p] });
  it.each([
    { what: "an index.html written into nginx's docroot answers /", path: "/", files: { "/usr/share/nginx/html/index.html": "web-0\n" }, want: { status: 200, body: "web-0\n" } },
    { what: "any file there answers its path", path: "/a/b.txt?x=1", files: { "/usr/share/nginx/html/a/b.txt": "b\n" }, want: { status: 200, body: "b\n" } },
    { what: "a missing file falls back to the image's own (404)", path: "/nope", files: {}, want: { status: 404 } },
  ])("$what", ({ path, files, want }) => {
    const proc = imageProcessFor("nginx", {});
    if (proc.kind !== "model") throw new Error("nginx is a model");
    expect(httpAnswer(proc, 80, path, ctx(files), 0 as never)).toMatchObject(want);
  });
});
