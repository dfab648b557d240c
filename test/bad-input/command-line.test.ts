// Bad command lines: missing files and flags, resource arguments kubectl refuses before it
// reaches a server. Every message was checked against kubectl v1.32 offline.

import { describe } from "vitest";
import { runCatalog, type Entry } from "./catalog";

const TYPE_TWICE =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n";
const TWO_SLASHES = "error: arguments in resource/name form may not have more than one slash\n";

const entries: Entry[] = [
  { name: "a missing -f file", args: ["apply", "-f", "nope.yaml"], stderr: 'error: the path "nope.yaml" does not exist\n' },
  { name: "apply without -f", args: ["apply"], stderr: "error: must specify one of -f and -k\n" },
  { name: "a type given twice (TYPE and TYPE/NAME)", args: ["get", "pod", "a/b"], stderr: TYPE_TWICE },
  { name: "a slash in a name to delete (TYPE and NAME/X)", args: ["delete", "deployment", "x/y"], stderr: TYPE_TWICE },
  { name: "two slashes in TYPE/NAME (get)", args: ["get", "pod/a/b"], stderr: TWO_SLASHES },
  { name: "two slashes in TYPE/NAME (delete)", args: ["delete", "deployment/x/y"], stderr: TWO_SLASHES },
  { name: "an unknown resource type", args: ["get", "foo"], stderr: 'error: the server doesn\'t have a resource type "foo"\n' },
];

describe("the bad-input catalog: command lines", () => runCatalog(entries));
