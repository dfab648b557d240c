// Its own module so that rendering an error (cli/errors.ts, on every command's start-up path)
// does not load the state file's decoders.

/** A state file that cannot be read or is not kubesim state: reported with its path, exit 1. */
export class StateFileError extends Error {}
