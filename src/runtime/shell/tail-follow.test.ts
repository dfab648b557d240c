// `tail -f`/`-F` follows its files: what another container appends shows up within a second,
// across steps of the suspended process (the docs' sidecar `tail -F /opt/logs.txt`).

import { describe, expect, it } from "vitest";
import { startProcess, stepProcess } from "./process";
import type { ProcessState } from "./process";
import { TEST_EPOCH, testHost } from "./test-host";

describe("tail -f follows a file", () => {
  it.each(["-f", "-F"])("tail %s prints the end, then what is appended, once a second", (flag) => {
    const host = testHost({ files: { "/opt/logs.txt": "one\ntwo\n" } });
    let state: ProcessState = startProcess(["sh", "-c", `tail ${flag} /opt/logs.txt`], {});
    const at = (ms: number) => {
      const r = stepProcess(state, { ...host, now: TEST_EPOCH + ms });
      state = r.state;
      return { out: r.output.map((o) => o.text).join(""), wakeAt: r.wakeAt, exited: r.exited };
    };
    expect(at(0)).toEqual({ out: "one\ntwo\n", wakeAt: TEST_EPOCH + 1000, exited: undefined });
    host.fs.write("/opt/logs.txt", "three\n", true);
    expect(at(1000).out).toBe("three\n");
    host.fs.write("/opt/logs.txt", "four\nfive\n", true);
    // A state saved and resumed later (another kubesim invocation) goes on where it was.
    state = JSON.parse(JSON.stringify(state)) as ProcessState;
    expect(at(5000)).toEqual({ out: "four\nfive\n", wakeAt: TEST_EPOCH + 6000, exited: undefined });
    expect(at(9000).out).toBe("");
  });

  it("starts over when the file shrank (truncated or replaced)", () => {
    const host = testHost({ files: { "/log": "a long first line\n" } });
    let state = startProcess(["tail", "-f", "/log"], {});
    state = stepProcess(state, { ...host, now: TEST_EPOCH }).state;
    host.fs.write("/log", "new\n");
    expect(stepProcess(state, { ...host, now: TEST_EPOCH + 1000 }).output.map((o) => o.text).join("")).toBe("new\n");
  });

  it("tail -F waits for a file that does not exist yet (the sidecar starts before the app writes)", () => {
    const host = testHost({ dirs: ["/opt"] });
    let state = startProcess(["tail", "-F", "/opt/logs.txt"], {});
    const first = stepProcess(state, { ...host, now: TEST_EPOCH });
    expect(first.output.map((o) => o.text).join("")).toBe("tail: can't open '/opt/logs.txt': No such file or directory\n");
    expect(first.exited).toBeUndefined();
    state = first.state;
    host.fs.write("/opt/logs.txt", "logging\n");
    expect(stepProcess(state, { ...host, now: TEST_EPOCH + 1000 }).output.map((o) => o.text).join("")).toBe("logging\n");
  });
});
