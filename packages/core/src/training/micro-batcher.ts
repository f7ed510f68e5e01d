/**
 * Gathers calls that arrive close together and runs them as one batch: a thousand heartbeats a
 * second become a few dozen transactions instead of a thousand. A batch starts `maxWaitMs` after
 * its first item (or at once with `maxItems` waiting) unless `concurrency` batches are running
 * already; then items keep gathering and the next batch takes all of them (up to `maxItems`) as
 * soon as one finishes. Under load batches grow, so throughput follows the load.
 */
export class MicroBatcher<I, O> {
  #waiting: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  #timer: NodeJS.Timeout | null = null;
  #running = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxItems: number; maxWaitMs: number; concurrency: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (this.#waiting.length >= this.options.maxItems) this.#flush();
      else this.#timer ??= setTimeout(() => this.#flush(), this.options.maxWaitMs);
    });
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#waiting.length || this.#running >= this.options.concurrency) return;
    const batch = this.#waiting.splice(0, this.options.maxItems);
    this.#running++;
    this.run(batch.map((b) => b.item))
      .then(
        (outputs) => batch.forEach((b, i) => b.resolve(outputs[i] as O)),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => {
        this.#running--;
        // What gathered meanwhile goes at once: it has waited long enough.
        this.#flush();
      });
  }
}
