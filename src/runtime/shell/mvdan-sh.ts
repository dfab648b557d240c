// mvdan-sh, the shell parser: 1.5 MB of GopherJS (about 100 ms to load), required on the first
// parse. The bundle replaces this module (scripts/build.mjs, vendorChunks) so that the package
// loads as a chunk of its own, compiled from the trained code cache.

import { createRequire } from "node:module";

export const requireMvdanSh = (): unknown => createRequire(import.meta.url)("mvdan-sh");
