// Bad command lines: missing files and flags, resource arguments kubectl refuses before it
// reaches a server. Every message was checked against kubectl v1.32 offline (flag errors in the
// `Error: …` form of the client the reference was taken from, kubectl-output.md §5.5).

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
  // Durations are Go's: a bare number is not one, nor is an unknown unit.
  { name: "a --timeout without a unit", args: ["wait", "pods/p", "--for=delete", "--timeout=10"], stderr: durationError("10", "time: missing unit in duration \"10\"", "wait") },
  { name: "a --timeout with an unknown unit", args: ["rollout", "status", "deployment/web", "--timeout=1d"], stderr: durationError("1d", 'time: unknown unit "d" in duration "1d"', "rollout status") },
  { name: "a --since with a space before its unit", args: ["logs", "p", "--since=10 s"], stderr: durationError("10 s", 'time: unknown unit " s" in duration "10 s"', "logs", "--since") },
  { name: "a --pod-running-timeout of zero (exec)", args: ["exec", "p", "--pod-running-timeout=0", "--", "ls"], stderr: "error: --pod-running-timeout must be higher than zero\nSee 'kubectl exec -h' for help and examples\n" },
  // Booleans are read by Go's strconv.ParseBool, in either spelling of the flag.
  { name: "a shorthand boolean given a non-boolean value", args: ["get", "pods", "-w=abc"], stderr: boolError("abc", "-w, --watch") },
  { name: "a boolean given a value in mixed case", args: ["get", "pods", "--show-labels=tRuE"], stderr: boolError("tRuE", "--show-labels") },
  // Integers are Go's, base 0, of the flag's size: "08" is octal gone wrong, --replicas is an int32.
  { name: "an int flag with a leading zero and a non-octal digit", args: ["create", "deployment", "web", "--image=nginx", "--replicas=08"], stderr: intError("08", "-r, --replicas", "invalid syntax") },
  { name: "an int32 flag past its range", args: ["create", "deployment", "web", "--image=nginx", "--replicas=2147483648"], stderr: intError("2147483648", "-r, --replicas", "value out of range") },
  // pflag names an unknown flag without its value, and a shorthand as written.
  { name: "an unknown flag with a value", args: ["get", "pods", "--foo=bar"], stderr: "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n" },
  { name: "an unknown shorthand with a value", args: ["get", "pods", "-Z=bar"], stderr: "Error: unknown shorthand flag: 'Z' in -Z=bar\nSee 'kubectl get --help' for usage.\n" },
  { name: "a global flag without its value", args: ["get", "pods", "-n"], stderr: "Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n" },
  { name: "a --request-timeout that is neither seconds nor a duration", args: ["get", "pods", "--request-timeout=-1"], stderr: "error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n" },
  { name: "a -v that is not an int32", args: ["get", "pods", "-v", "abc"], stderr: "Error: invalid argument \"abc\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl get --help' for usage.\n" },
  { name: "an unknown flag and no command", args: ["--foo"], stderr: "Error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n" },
  { name: "an unknown flag before the command", args: ["--foo", "get", "pods"], stderr: "Error: flags cannot be placed before plugin name: --foo\n" },
  { name: "an unknown command with nothing like it", args: ["get-pods"], stderr: 'Error: unknown command "get-pods" for "kubectl"\n' },
  { name: "TYPE/NAME with a selector", args: ["delete", "pods/p", "-l", "app=x"], stderr: "error: selectors and the all flag cannot be used when passing resource/name arguments\n" },
  { name: "-h after -- is the command's, not a request for help", args: ["exec", "p", "--", "ls", "-h"], stderr: 'Error from server (NotFound): pods "p" not found\n' },
  { name: "a Secret key that is not a config key", args: ["create", "secret", "generic", "s", "--from-literal=a/b=c"], stderr: "error: \"a/b\" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n" },
  { name: "a word that names no sub-command", args: ["config", "foo"], stderr: "error: unknown command \"foo\"\nSee 'kubectl config -h' for help and examples\n" },
  // Arguments a command does not take.
  { name: "an argument after apply -f", args: ["apply", "-f", "$F", "extra"], file: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n", stderr: "error: Unexpected args: [extra]\nSee 'kubectl apply -h' for help and examples\n" },
  { name: "an argument to version", args: ["version", "--client", "extra"], stderr: "error: extra arguments: [extra]\n" },
  { name: "arguments to api-resources", args: ["api-resources", "a", "b"], stderr: "error: unexpected arguments: [a b]\nSee 'kubectl api-resources -h' for help and examples\n" },
];

function durationError(value: string, goError: string, verb: string, flag = "--timeout"): string {
  return `Error: invalid argument "${value}" for "${flag}" flag: ${goError}\nSee 'kubectl ${verb} --help' for usage.\n`;
}

function intError(value: string, flag: string, why: string): string {
  return `Error: invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": ${why}\nSee 'kubectl create deployment --help' for usage.\n`;
}

function boolError(value: string, flag: string): string {
  return `Error: invalid argument "${value}" for "${flag}" flag: strconv.ParseBool: parsing "${value}": invalid syntax\nSee 'kubectl get --help' for usage.\n`;
}

describe("the bad-input catalog: command lines", () => runCatalog(entries));
