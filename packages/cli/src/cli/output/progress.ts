/**
 * A one-line progress indicator on stderr, redrawn in place — only when stderr is a terminal and not --quiet,
 * so pipes, CI logs and machine-readable stdout never see it. Totals are often unknown (streamed listings):
 * then it shows a count and a spinner instead of a bar.
 */
export class ProgressLine {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private frame = 0;
  private drawn = false;

  constructor(
    private readonly stream: { write(text: string): unknown; isTTY?: boolean; columns?: number },
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  update(label: string, processed: number, total: number | null): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.lastDraw < 80 && processed !== total) return;
    this.lastDraw = t;
    this.frame += 1;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 50));
    let text: string;
    if (total && total > 0) {
      const ratio = Math.min(1, processed / total);
      const filled = Math.round(ratio * width);
      text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${processed}/${total}`;
    } else {
      text = `${label} ${'|/-\\'[this.frame % 4]} ${processed}`;
    }
    this.stream.write(`\r\u001b[2K${text}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
