// kubectl's env-file reading (staging/src/k8s.io/kubectl/pkg/cmd/util/env_file.go): one
// KEY=value a line, value taken verbatim (no quotes removed, no trimming on the right), a
// leading BOM dropped, blank and `#` lines skipped, a bare KEY read from the environment.

import { regexError } from "../../api/validation/dns";

const envVarNameRegexp = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRegexp.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        "[-._a-zA-Z][-._a-zA-Z0-9]*",
        "my.env-name",
        "MY_ENV.NAME",
        "MyEnvName1",
      ),
    );
  }
  if (value === ".") errs.push("must not be '.'");
  else if (value === "..") errs.push("must not be '..'");
  else if (value.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}

/** The key/value pairs of an env file's text, in file order; throws kubectl's error for a bad key. */
export function parseEnvFile(text: string, filePath: string, env: Readonly<Record<string, string | undefined>>): [string, string][] {
  const out: [string, string][] = [];
  // bufio.ScanLines: split at \n and drop one trailing \r; a final empty line is no line.
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    line = line.replace(/^\s+/, "");
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    const key = eq < 0 ? line : line.slice(0, eq);
    const errs = isEnvVarName(key);
    if (errs.length > 0) throw new Error(`${JSON.stringify(key)} is not a valid key name: ${errs.join(";")}`);
    out.push([key, eq < 0 ? (env[key] ?? "") : line.slice(eq + 1)]);
  });
  void filePath;
  return out;
}
