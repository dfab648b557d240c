import { describe, expect, it } from "vitest";
import { buildContainerFs, containerLayers, emptyTree, treeFromFiles } from "../runtime/fs";
import type { VolumeStore } from "../runtime/fs";
import { containerMounts } from "./volume-mounts";

const podVolumes = [{ name: "config", configMap: { name: "app" } }, { name: "data", emptyDir: {} }];

function store(): VolumeStore {
  return {
    config: { files: { "app.conf": "color=blue\n", "other.conf": "x\n" }, dirs: [] },
    data: { files: { "web/index.html": "hi\n" }, dirs: [] },
  };
}

describe("containerMounts (makeMounts)", () => {
  it.each([
    ["a whole configMap volume is read-only", { name: "config", mountPath: "/etc/config" }, { volumeId: "config", mountPath: "/etc/config", readOnly: true }],
    ["a whole emptyDir is writable", { name: "data", mountPath: "/data" }, { volumeId: "data", mountPath: "/data" }],
    ["readOnly: true is kept", { name: "data", mountPath: "/data", readOnly: true }, { volumeId: "data", mountPath: "/data", readOnly: true }],
    ["a live subPath of an emptyDir", { name: "data", mountPath: "/usr/share/nginx/html", subPath: "web" }, { volumeId: "data", mountPath: "/usr/share/nginx/html", subPath: "web" }],
  ])("%s", (_what, mount, want) => {
    expect(containerMounts([mount], podVolumes, store(), {})).toEqual([want]);
  });

  it("skips mounts of volumes the pod did not set up", () => {
    expect(containerMounts([{ name: "gone", mountPath: "/x" }], podVolumes, store(), {})).toEqual([]);
  });

  it("expands subPathExpr over the container's environment", () => {
    const [m] = containerMounts([{ name: "data", mountPath: "/logs", subPathExpr: "$(POD_NAME)" }], podVolumes, store(), { POD_NAME: "web-0" });
    expect(m.subPath).toBe("web-0");
  });

  it("creates a missing subPath directory in a writable volume", () => {
    const volumes = store();
    containerMounts([{ name: "data", mountPath: "/logs", subPath: "logs/a" }], podVolumes, volumes, {});
    expect(volumes.data.dirs).toContain("logs/a");
  });

  it("freezes a configMap subPath: a later update of the volume does not reach the container", () => {
    const volumes = store();
    const mounts = containerMounts([{ name: "config", mountPath: "/etc/app.conf", subPath: "app.conf" }], podVolumes, volumes, {});
    volumes.config = { files: { "app.conf": "color=red\n" }, dirs: [] };
    const fs = buildContainerFs(containerLayers({ image: treeFromFiles({}, ["/etc"]), writable: emptyTree(), mounts }, volumes));
    expect(fs.kind("/etc/app.conf")).toBe("file");
    expect(fs.read("/etc/app.conf")).toBe("color=blue\n");
  });

  it("shows a whole-volume mount's update and a subPath file's old content side by side", () => {
    const volumes = store();
    const mounts = containerMounts(
      [
        { name: "config", mountPath: "/etc/config" },
        { name: "config", mountPath: "/etc/app.conf", subPath: "app.conf" },
      ],
      podVolumes,
      volumes,
      {},
    );
    volumes.config.files["app.conf"] = "color=red\n";
    const fs = buildContainerFs(containerLayers({ image: treeFromFiles({}, ["/etc"]), writable: emptyTree(), mounts }, volumes));
    expect(fs.read("/etc/config/app.conf")).toBe("color=red\n");
    expect(fs.read("/etc/app.conf")).toBe("color=blue\n");
  });

  it("a live emptyDir subPath shares writes with a whole-volume mount", () => {
    const volumes = store();
    const mounts = containerMounts(
      [
        { name: "data", mountPath: "/data" },
        { name: "data", mountPath: "/html", subPath: "web" },
      ],
      podVolumes,
      volumes,
      {},
    );
    const fs = buildContainerFs(containerLayers({ image: treeFromFiles({}, []), writable: emptyTree(), mounts }, volumes));
    fs.write("/html/new.html", "new\n");
    expect(fs.read("/data/web/new.html")).toBe("new\n");
    expect(fs.list("/html")).toEqual(["index.html", "new.html"]);
    expect(volumes.data.files["web/new.html"]).toBe("new\n");
  });
});
