/**
 * Gathers calls that arrive close together and runs them as one batch: a thousand heartbeats a
 * second become a few dozen transactions instead of a thousand. A batch runs when `maxItems` are
 * waiting or `maxWaitMs` after its first item, and batches run one after another (the next one
 * fills while the current one writes).
 */
export class MicroBatcher<I, O> {
  #waiting: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxItems: number; maxWaitMs: number },
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
    const batch = this.#waiting;
    this.#waiting = [];
    if (!batch.length) return;
    this.#running = this.#running.then(async () => {
      try {
        const outputs = await this.run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(outputs[i] as O));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    });
  }
}
