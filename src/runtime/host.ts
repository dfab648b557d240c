// A process host at another instant: the same world, read through. Its filesystem stays the
// parent's, asked for only when used (the kubelet's host builds it on first use). A class, so
// that every such host shares one shape.

import type { FileSystem, Network, ProcessHost } from "./types";

class HostAt implements ProcessHost {
  private readonly parent: ProcessHost;
  readonly now: number;

  constructor(parent: ProcessHost, now: number) {
    this.parent = parent;
    this.now = now;
  }

  get fs(): FileSystem {
    return this.parent.fs;
  }

  get net(): Network {
    return this.parent.net;
  }

  get hostname(): string {
    return this.parent.hostname;
  }
}

export const hostAt = (host: ProcessHost, now: number): ProcessHost => new HostAt(host, now);
