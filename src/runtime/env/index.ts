// Container environment resolution's public surface, for the kubelet.

export { makeEnvironmentVariables, isRelaxedEnvVarName } from "./make-environment-variables";
export type { EnvEvent, EnvInput, EnvResult, EnvVar } from "./make-environment-variables";
export { expand, expandCommand, mappingFuncFor } from "./expansion";
export type { Mapping } from "./expansion";
export { lookupFrom, decodeSecretData } from "./config-lookup";
export type { ConfigLookup } from "./config-lookup";
export type { PodAddresses } from "./field-ref";
export type { NodeAllocatable, ResourceFieldSelector } from "./resource-field-ref";
export { serviceEnv } from "./service-env";
