import { describe, expect, it } from "vitest";
import { FsError } from "../types";
import type { FileSystem } from "../types";
import { containerLayers, treeFromFiles } from "./container-layers";
import type { ContainerFsData, VolumeStore } from "./container-layers";
import { emptyTree } from "./tree";
import type { TreeData } from "./tree";
import { buildContainerFs } from "./vfs";

const IMAGE = {
  "/etc/hostname": "web\n",
  "/usr/share/nginx/html/index.html": "<h1>nginx</h1>\n",
  "/usr/share/nginx/html/50x.html": "error\n",
};

/** A root over the image, a writable data volume at /data, a read-only config at /etc/config. */
function setup() {
  const image = treeFromFiles(IMAGE, ["/tmp"]);
  const writable = emptyTree();
  const data: TreeData = { files: { "old.txt": "kept\n" }, dirs: ["sub"] };
  const config: TreeData = { files: { "app.conf": "a=1\n" }, dirs: [] };
  const nested: TreeData = { files: { "inner.txt": "inner\n" }, dirs: [] };
  const fs = buildContainerFs([
    { mountPath: "/", data: writable, lower: image },
    { mountPath: "/data", data },
    { mountPath: "/data/nested", data: nested },
    { mountPath: "/etc/config", data: config, readOnly: true },
  ]);
  return { fs, image, writable, data, config, nested };
}

function fsErrorCode(fn: () => void): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe("buildContainerFs reading", () => {
  const cases: { name: string; run: (fs: FileSystem) => unknown; want: unknown }[] = [
    { name: "reads an image file", run: (fs) => fs.read("/etc/hostname"), want: "web\n" },
    { name: "normalizes the path it reads", run: (fs) => fs.read("//etc/./x/../hostname"), want: "web\n" },
    { name: "reads nothing where there is no file", run: (fs) => fs.read("/etc/nope"), want: undefined },
    { name: "reads nothing from a directory", run: (fs) => fs.read("/etc"), want: undefined },
    { name: "reads a volume file through its mount", run: (fs) => fs.read("/data/old.txt"), want: "kept\n" },
    { name: "serves a path from the longest mount", run: (fs) => fs.read("/data/nested/inner.txt"), want: "inner\n" },
    { name: "does not take /data2 for a path under /data", run: (fs) => fs.kind("/data2"), want: undefined },
    { name: "lists a directory sorted", run: (fs) => fs.list("/usr/share/nginx/html"), want: ["50x.html", "index.html"] },
    { name: "lists the root with image dirs and mount points", run: (fs) => fs.list("/"), want: ["data", "etc", "tmp", "usr"] },
    { name: "lists a mount point's parent with the mount in it", run: (fs) => fs.list("/etc"), want: ["config", "hostname"] },
    { name: "lists a volume with its nested mount", run: (fs) => fs.list("/data"), want: ["nested", "old.txt", "sub"] },
    { name: "lists nothing for a file", run: (fs) => fs.list("/etc/hostname"), want: undefined },
    { name: "lists nothing for a missing path", run: (fs) => fs.list("/nope"), want: undefined },
    { name: "gives the kind of an implied directory", run: (fs) => fs.kind("/usr/share"), want: "dir" },
    { name: "gives the kind of an explicit empty directory", run: (fs) => fs.kind("/tmp"), want: "dir" },
    { name: "gives the kind of a file", run: (fs) => fs.kind("/etc/config/app.conf"), want: "file" },
    { name: "gives a mount point the kind dir", run: (fs) => fs.kind("/etc/config"), want: "dir" },
  ];
  it.each(cases)("$name", ({ run, want }) => expect(run(setup().fs)).toEqual(want));
});

describe("buildContainerFs writing", () => {
  it("writes a new file into the writable layer, leaving the image untouched", () => {
    const { fs, writable, image } = setup();
    fs.write("/tmp/out.log", "one\n");
    expect(writable.files).toEqual({ "tmp/out.log": "one\n" });
    expect(image.files["tmp/out.log"]).toBeUndefined();
    expect(fs.read("/tmp/out.log")).toBe("one\n");
  });

  it("appends to an image file by copying it up", () => {
    const { fs, writable, image } = setup();
    fs.write("/etc/hostname", "more\n", true);
    expect(writable.files["etc/hostname"]).toBe("web\nmore\n");
    expect(image.files["etc/hostname"]).toBe("web\n");
  });

  it("replaces a file's content", () => {
    const { fs } = setup();
    fs.write("/data/old.txt", "new\n");
    expect(fs.read("/data/old.txt")).toBe("new\n");
  });

  it("writes into the volume blob that backs the mount", () => {
    const { fs, data, writable } = setup();
    fs.write("/data/sub/a.txt", "a");
    expect(data.files["sub/a.txt"]).toBe("a");
    expect(writable.files).toEqual({});
  });

  it("makes directories with parents and lists them", () => {
    const { fs, writable } = setup();
    fs.mkdir("/var/lib/app", true);
    expect(fs.kind("/var/lib/app")).toBe("dir");
    expect(fs.list("/var")).toEqual(["lib"]);
    expect(writable.dirs).toEqual(["var", "var/lib", "var/lib/app"]);
  });

  it("accepts mkdir -p of an existing directory", () => {
    const { fs } = setup();
    fs.mkdir("/usr/share", true);
    expect(fs.kind("/usr/share")).toBe("dir");
  });

  it("removes an image file with a whiteout", () => {
    const { fs, writable } = setup();
    fs.remove("/etc/hostname");
    expect(fs.read("/etc/hostname")).toBeUndefined();
    expect(fs.list("/etc")).toEqual(["config"]);
    expect(writable.whiteouts).toEqual(["etc/hostname"]);
  });

  it("removes a directory tree recursively, and a new file there shows alone", () => {
    const { fs } = setup();
    fs.remove("/usr/share/nginx", true);
    expect(fs.kind("/usr/share/nginx")).toBeUndefined();
    expect(fs.list("/usr/share")).toEqual([]);
    fs.mkdir("/usr/share/nginx/html", true);
    fs.write("/usr/share/nginx/html/index.html", "mine");
    expect(fs.list("/usr/share/nginx/html")).toEqual(["index.html"]);
    expect(fs.read("/usr/share/nginx/html/index.html")).toBe("mine");
  });

  it("keeps a directory when its last file is removed", () => {
    const { fs } = setup();
    fs.write("/data/sub/only", "x");
    fs.remove("/data/sub/only");
    expect(fs.kind("/data/sub")).toBe("dir");
    fs.mkdir("/data/d");
    fs.write("/data/d/f", "x");
    fs.remove("/data/d/f");
    expect(fs.list("/data/d")).toEqual([]);
  });

  it("removes an empty directory without recursive", () => {
    const { fs } = setup();
    fs.remove("/data/sub");
    expect(fs.kind("/data/sub")).toBeUndefined();
  });

  const errors: { name: string; run: (fs: FileSystem) => void; want: string }[] = [
    { name: "writing into a read-only mount gives EROFS", run: (fs) => fs.write("/etc/config/x", "1"), want: "EROFS" },
    { name: "overwriting a read-only file gives EROFS", run: (fs) => fs.write("/etc/config/app.conf", "1"), want: "EROFS" },
    { name: "making a directory in a read-only mount gives EROFS", run: (fs) => fs.mkdir("/etc/config/d"), want: "EROFS" },
    { name: "removing from a read-only mount gives EROFS", run: (fs) => fs.remove("/etc/config/app.conf"), want: "EROFS" },
    { name: "removing a mount point gives EROFS", run: (fs) => fs.remove("/data", true), want: "EROFS" },
    { name: "removing a mount point's parent gives EROFS", run: (fs) => fs.remove("/etc", true), want: "EROFS" },
    { name: "writing into a missing directory gives ENOENT", run: (fs) => fs.write("/nope/x", "1"), want: "ENOENT" },
    { name: "writing under a file gives ENOTDIR", run: (fs) => fs.write("/etc/hostname/x", "1"), want: "ENOTDIR" },
    { name: "writing a directory gives EISDIR", run: (fs) => fs.write("/usr/share", "1"), want: "EISDIR" },
    { name: "writing a mount point gives EISDIR", run: (fs) => fs.write("/data", "1"), want: "EISDIR" },
    { name: "mkdir of an existing directory gives EEXIST", run: (fs) => fs.mkdir("/tmp"), want: "EEXIST" },
    { name: "mkdir of an existing file gives EEXIST even with parents", run: (fs) => fs.mkdir("/etc/hostname", true), want: "EEXIST" },
    { name: "mkdir without its parent gives ENOENT", run: (fs) => fs.mkdir("/a/b"), want: "ENOENT" },
    { name: "removing a missing path gives ENOENT", run: (fs) => fs.remove("/nope"), want: "ENOENT" },
    { name: "removing a full directory without recursive gives ENOTEMPTY", run: (fs) => fs.remove("/usr"), want: "ENOTEMPTY" },
  ];
  it.each(errors)("$name", ({ run, want }) => expect(fsErrorCode(() => run(setup().fs))).toBe(want));

  it("has an empty read-only root when no layer covers /", () => {
    const fs = buildContainerFs([{ mountPath: "/data", data: emptyTree() }]);
    expect(fs.list("/")).toEqual(["data"]);
    expect(fsErrorCode(() => fs.write("/x", "1"))).toBe("EROFS");
  });
});

describe("containerLayers", () => {
  it("shares an emptyDir blob between two containers of a pod", () => {
    const volumes: VolumeStore = { "pod/u1/shared": emptyTree() };
    const writer: ContainerFsData = {
      image: treeFromFiles({ "/bin/sh": "" }),
      writable: emptyTree(),
      mounts: [{ volumeId: "pod/u1/shared", mountPath: "/pod-data" }],
    };
    const server: ContainerFsData = {
      image: treeFromFiles(IMAGE),
      writable: emptyTree(),
      mounts: [{ volumeId: "pod/u1/shared", mountPath: "/usr/share/nginx/html" }],
    };
    const a = buildContainerFs(containerLayers(writer, volumes));
    const b = buildContainerFs(containerLayers(server, volumes));
    a.write("/pod-data/index.html", "Hello from the debian container\n");
    expect(b.read("/usr/share/nginx/html/index.html")).toBe("Hello from the debian container\n");
    expect(b.list("/usr/share/nginx/html")).toEqual(["index.html"]);
    expect(volumes["pod/u1/shared"].files).toEqual({ "index.html": "Hello from the debian container\n" });
  });

  it("loses the writable layer on restart but keeps the emptyDir", () => {
    const volumes: VolumeStore = { cache: emptyTree() };
    const data: ContainerFsData = { image: emptyTree(), writable: emptyTree(), mounts: [{ volumeId: "cache", mountPath: "/cache" }] };
    const first = buildContainerFs(containerLayers(data, volumes));
    first.write("/scratch", "gone");
    first.write("/cache/kept", "kept");
    const restarted = buildContainerFs(containerLayers({ ...data, writable: emptyTree() }, volumes));
    expect([restarted.read("/scratch"), restarted.read("/cache/kept")]).toEqual([undefined, "kept"]);
  });

  it("mounts a volume read-only when the mount says so", () => {
    const volumes: VolumeStore = { v: emptyTree() };
    const fs = buildContainerFs(
      containerLayers({ image: emptyTree(), writable: emptyTree(), mounts: [{ volumeId: "v", mountPath: "/v", readOnly: true }] }, volumes),
    );
    expect(fsErrorCode(() => fs.write("/v/x", "1"))).toBe("EROFS");
  });

  it("refuses a mount whose blob was never set up", () => {
    const data: ContainerFsData = { image: emptyTree(), writable: emptyTree(), mounts: [{ volumeId: "gone", mountPath: "/v" }] };
    expect(() => containerLayers(data, {})).toThrow("volume gone is not set up");
  });

  it("stays plain JSON that round-trips", () => {
    const volumes: VolumeStore = { v: emptyTree() };
    const data: ContainerFsData = { image: treeFromFiles(IMAGE), writable: emptyTree(), mounts: [{ volumeId: "v", mountPath: "/v" }] };
    const fs = buildContainerFs(containerLayers(data, volumes));
    fs.write("/v/a", "1");
    fs.remove("/etc/hostname");
    const copy = JSON.parse(JSON.stringify({ data, volumes }));
    const again = buildContainerFs(containerLayers(copy.data, copy.volumes));
    expect([again.read("/v/a"), again.read("/etc/hostname")]).toEqual(["1", undefined]);
  });
});
