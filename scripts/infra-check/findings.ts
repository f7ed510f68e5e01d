/** One thing checked (an object, a file) and what is wrong with it; no problems means it passed. */
export interface Checked {
  /** e.g. `k8s/api.yaml Deployment/platform-api` or `Dockerfile`. */
  label: string;
  problems: string[];
}

/** Collects the checked things in order, so problems found later (cross-checks) land on their object. */
export class Findings {
  private readonly byLabel = new Map<string, Checked>();

  /** Registers a thing as checked (idempotent) and returns its entry. */
  checked(label: string): Checked {
    let entry = this.byLabel.get(label);
    if (!entry) {
      entry = { label, problems: [] };
      this.byLabel.set(label, entry);
    }
    return entry;
  }

  problem(label: string, message: string): void {
    this.checked(label).problems.push(message);
  }

  all(): Checked[] {
    return [...this.byLabel.values()];
  }

  count(): number {
    return this.all().reduce((n, c) => n + c.problems.length, 0);
  }
}
