// The temporary file `kubectl edit` hands to the editor: created in its own fresh directory
// under the OS temp folder (kubectl: os.CreateTemp("", "kubectl-edit-*.yaml")), read back after
// the editor exits, and removed after a successful edit (kept, and named, when the edit fails).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Writes `content` to a new file named kubectl-edit.<ext> and returns its path. */
export function createEditFile(content: string, ext: "yaml" | "json", tmpDir: string = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(tmpDir, "kubectl-edit-"));
  const file = path.join(dir, `kubectl-edit.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

export function readEditFile(file: string): string {
  return fs.readFileSync(file, "utf8");
}

export function writeEditFile(file: string, content: string): void {
  fs.writeFileSync(file, content);
}

/** Removes the file and the directory created for it. */
export function removeEditFile(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
