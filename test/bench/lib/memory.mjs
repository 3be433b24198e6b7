/**
 * Peak memory of this process. RSS high-water comes from the kernel (`resourceUsage().maxRSS`, exact); the heap
 * high-water is sampled every few ms, so a synchronous burst (one big JSON.parse) can peak between samples —
 * `sample()` is also called at chosen points to catch those.
 */
export class MemoryPeak {
  constructor(intervalMs = 5) {
    this.heapUsed = 0;
    this.external = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample() {
    const usage = process.memoryUsage();
    if (usage.heapUsed > this.heapUsed) this.heapUsed = usage.heapUsed;
    if (usage.external + usage.arrayBuffers > this.external) this.external = usage.external + usage.arrayBuffers;
  }

  stop() {
    this.sample();
    clearInterval(this.timer);
    return {
      peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
      peakHeapUsedMB: mb(this.heapUsed),
      peakExternalMB: mb(this.external),
    };
  }
}

/** Settle the heap before a baseline or a timed section (needs --expose-gc). */
export function collectGarbage() {
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
}

export function mb(bytes) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** CPU time (user + system) of this process, in ms, since `start` (a `process.cpuUsage()` value). */
export function cpuMs(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
