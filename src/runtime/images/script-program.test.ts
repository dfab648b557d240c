import { describe, expect, it } from "vitest";
import { imageProcessFor } from "./behaviour";

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
