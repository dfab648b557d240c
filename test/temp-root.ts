// Vitest global setup: the whole run's temporary files go under one folder of its own, removed
// when the run ends. Tests make a temporary state (and kubesim its edit files) per case, so a
// run left thousands of folders behind in the system's temporary folder, and every later run
// that kept its state there paid for them.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-tests-"));
  // os.tmpdir() reads TMPDIR; the forked test workers and the kubesim they spawn inherit it.
  process.env.TMPDIR = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
