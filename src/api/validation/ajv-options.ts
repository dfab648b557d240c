// The options every model's validator is compiled with, at build time (scripts/schema-validators.ts)
// or, in a kubesim run from source, on first use (openapi.ts): the two must be the same.

export const AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false, inlineRefs: false } as const;
