import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";
import type { Harness, RunResult } from "../../../test/cli-harness";
import { listDir, readText } from "../../state/local-files";
import { TWO_CONTAINERS } from "../../../test/builders/manifests";


/** A running busybox pod `box` with /tmp/note and /tmp/d/{a,sub/b}, a two-container pod `duo`, and a finished pod `done`. */
async function running(): Promise<Harness> {
  const h = await harness();
  await h.run("run", "box", "--image=busybox", "--restart=Never", "--", "sh", "-c", "sleep 3600");
  await h.run("run", "done", "--image=busybox", "--restart=Never", "--", "true");
  await h.run("apply", "-f", h.file("duo.yaml", TWO_CONTAINERS));
  await h.run("sim", "advance", "10s");
  await h.run("exec", "box", "--", "sh", "-c", "echo saved > /tmp/note; mkdir -p /tmp/d/sub; echo A > /tmp/d/a; echo B > /tmp/d/sub/b");
  return h;
}

describe("kubectl cp", () => {
  const errors: { name: string; args: (h: Harness) => string[]; want: RunResult }[] = [
    { name: "requires a source and a destination", args: () => ["box:/tmp/note"], want: fail("error: source and destination are required\n") },
    { name: "refuses two local paths", args: () => ["a", "b"], want: fail("error: one of src or dest must be a remote file specification\n") },
    { name: "refuses two remote paths", args: () => ["box:/a", "box:/b"], want: fail("error: one of src or dest must be a local file specification\n") },
    { name: "refuses a spec that starts with a colon", args: () => [":a", "b"], want: fail("error: filespec must match the canonical format: [[namespace/]pod:]file/path\n") },
    { name: "refuses an empty remote path", args: () => ["box:", "out"], want: fail("error: filepath can not be empty\n") },
    { name: "reports a missing local source", args: () => ["nope.txt", "box:/tmp"], want: fail("error: nope.txt doesn't exist in local filesystem\n") },
    { name: "reports a missing pod", args: (h) => ["ghost:/tmp/note", path.join(h.dir, "x")], want: fail('Error from server (NotFound): pods "ghost" not found\n') },
    {
      name: "passes on tar's error for a missing remote file",
      args: (h) => ["box:/tmp/nope", path.join(h.dir, "x")],
      want: fail("tar: /tmp/nope: No such file or directory\ncommand terminated with exit code 1\n"),
    },
    {
      name: "passes on tar's error for a missing remote directory",
      args: (h) => [h.file("f.txt", "x"), "box:/nowhere/f.txt"],
      want: fail("tar: can't change directory to '/nowhere': No such file or directory\ncommand terminated with exit code 1\n"),
    },
    { name: "refuses a completed pod", args: (h) => ["done:/etc/hostname", path.join(h.dir, "x")], want: fail("error: cannot exec into a container in a completed pod; current phase is Succeeded\n") },
    { name: "refuses an unknown container", args: (h) => ["duo:/etc/hostname", path.join(h.dir, "x"), "-c", "nope"], want: fail("error: container nope not found in pod duo\n") },
  ];
  it.each(errors)("$name", async ({ args, want }) => {
    const h = await running();
    expect(await h.run("cp", ...args(h))).toEqual(want);
  });

  it("copies a file out of an absolute path with tar's notice", async () => {
    const h = await running();
    const dest = path.join(h.dir, "note.txt");
    expect(await h.run("cp", "box:/tmp/note", dest)).toEqual(ok("", "tar: removing leading '/' from member names\n"));
    expect(readText(dest)).toBe("saved\n");
  });

  it("copies a directory out recursively into the destination", async () => {
    const h = await running();
    const dest = path.join(h.dir, "out");
    expect(await h.run("cp", "default/box:tmp/d", dest)).toEqual(ok(""));
    expect([listDir(dest), readText(path.join(dest, "a")), readText(path.join(dest, "sub", "b"))]).toEqual([["a", "sub"], "A\n", "B\n"]);
  });

  it("copies a local file into a container directory under its own name", async () => {
    const h = await running();
    expect(await h.run("cp", h.file("conf.txt", "k=v\n"), "box:/tmp")).toEqual(ok(""));
    expect(await h.run("exec", "box", "--", "cat", "/tmp/conf.txt")).toEqual(ok("k=v\n"));
  });

  it("copies a local directory to a new container path", async () => {
    const h = await running();
    h.file("site/index.html", "<h1>hi</h1>\n");
    h.file("site/css/main.css", "body{}\n");
    expect(await h.run("cp", path.join(h.dir, "site"), "box:/tmp/www")).toEqual(ok(""));
    expect(await h.run("exec", "box", "--", "sh", "-c", "cat /tmp/www/index.html /tmp/www/css/main.css")).toEqual(ok("<h1>hi</h1>\nbody{}\n"));
  });

  it("copies into the container named with -c and says which container it defaulted to otherwise", async () => {
    const h = await running();
    const src = h.file("x.txt", "x\n");
    expect(await h.run("cp", src, "duo:/tmp/x.txt", "-c", "second")).toEqual(ok(""));
    expect(await h.run("cp", src, "duo:/tmp/y.txt")).toEqual(ok("", 'Defaulted container "first" out of: first, second\n'));
    expect(await h.run("exec", "duo", "-c", "second", "--", "cat", "/tmp/x.txt")).toEqual(ok("x\n"));
  });
});
