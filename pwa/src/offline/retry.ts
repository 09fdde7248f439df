// A retry timer with capped exponential backoff and jitter: 5 s, 10 s, 20 s … 2 min. Only one
// retry is ever scheduled; `reset` (success, or `online`) cancels it and starts again from 5 s.
export class RetrySchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(
    private readonly run: () => void,
    private readonly firstMs = 5_000,
    private readonly maxMs = 120_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next retry, in ms (for tests and logs). */
  nextDelay(): number {
    const base = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    return Math.round(base * (0.8 + 0.4 * this.random()));
  }

  schedule(): void {
    if (this.timer !== undefined) return;
    const delay = this.nextDelay();
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, delay);
  }

  reset(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.attempt = 0;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }
}
