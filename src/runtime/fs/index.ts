// The container filesystem's public surface, for the kubelet and the shell: build a
// FileSystem from layers, assemble layers from stored blobs, and project pod volumes.

export { buildContainerFs } from "./vfs";
export type { Layer } from "./vfs";
export { emptyTree, OverlayView } from "./tree";
export type { TreeData } from "./tree";
export { containerLayers, treeFromFiles } from "./container-layers";
export type { ContainerFsData, VolumeMountRef, VolumeStore } from "./container-layers";
export { podEtcFiles } from "./pod-etc-files";
export type { HostAlias, PodEtcInput } from "./pod-etc-files";
export { projectVolume } from "./volumes/project-volume";
export type { ProjectionResult } from "./volumes/project-volume";
export { DEFAULT_MODE } from "./volumes/payload";
export type { ProjectionInput } from "./volumes/payload";
export { fakeServiceAccountToken } from "./volumes/sources";
export { normalizePath } from "./path";
