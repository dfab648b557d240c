// The user's own files that commands read: manifests (-f), --from-file and --from-env-file
// sources, --patch-file. Kept here so that file-system access stays in state/.

import * as fs from "node:fs";

export type FileStats = fs.Stats;
export type DirEntry = fs.Dirent;

export const statPath = (p: string): FileStats => fs.statSync(p);
export const readText = (p: string): string => fs.readFileSync(p, "utf8");
export const readBytes = (p: string): Buffer => fs.readFileSync(p);
export const listDir = (p: string): string[] => fs.readdirSync(p);
export const listDirEntries = (p: string): DirEntry[] => fs.readdirSync(p, { withFileTypes: true });

/** Creates a directory and its missing parents (`mkdir -p`). */
export const makeDirs = (p: string): void => void fs.mkdirSync(p, { recursive: true });
/** Creates or replaces a file. */
export const writeText = (p: string, content: string): void => fs.writeFileSync(p, content);
/** The path's stats, or undefined when nothing is there. */
export const tryStatPath = (p: string): FileStats | undefined => fs.statSync(p, { throwIfNoEntry: false });
