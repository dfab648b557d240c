// The printer flags the rollout sub-commands share with kubectl's PrintFlags (-o and friends).

import { defineShowManagedFields } from "../../flags/output";
import type { Command } from "commander";

export function definePrinterFlags(cmd: Command): void {
  cmd.option(
    "--allow-missing-template-keys",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
    true,
  );
  cmd.option("--no-allow-missing-template-keys", "");
  cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
  defineShowManagedFields(cmd);
  cmd.option(
    "--template <template>",
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].",
  );
}

export function defineFieldManager(cmd: Command): void {
  cmd.option("--field-manager <name>", "Name of the manager used to track field ownership.", "kubectl-rollout");
}
