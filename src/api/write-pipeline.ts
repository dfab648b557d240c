// What a write goes through before it is stored: decoding against the schemas, defaulting,
// validation, admission and the Service allocators. Most of the API server's code; loaded by
// loadWritePipeline() (api/server.ts) only for commands that write, so a `get` never pays for it.

export { validateCreate, validateUpdate, unknownFields, decodeErrors } from "./validation";
export { defaultInPlace } from "./defaulting";
export { generateJobSelector } from "./defaulting/job";
export { admit } from "./admission";
export { allocateServiceValues, allocatedBy, prepareServiceUpdate } from "./allocators/service-allocation";
