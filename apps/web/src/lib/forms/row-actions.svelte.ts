import { describeError } from '$lib/api/describe-error.ts';

/** The one line shown above a list after an action: a notice, or a translated error. */
export interface RowNotice {
  text: string;
  ok: boolean;
}

/**
 * Actions on the rows of a list (check, record, remove…): which row is busy, and the banner that
 * follows the last action. After an action the list is reloaded through `onchanged`; a failure
 * shows the server's error in the user's words.
 */
export class RowActions {
  /** The id of the row whose action is running; its buttons are disabled meanwhile. */
  busy = $state<string | null>(null);
  message = $state<RowNotice | null>(null);
  readonly #onchanged: () => void;

  constructor(onchanged: () => void) {
    this.#onchanged = onchanged;
  }

  /** Runs `action` for row `id`; it may return a notice to show (a string is a good one), or null for none. */
  async run(id: string, action: () => Promise<RowNotice | string | null>): Promise<void> {
    this.busy = id;
    this.message = null;
    try {
      const notice = await action();
      this.message = typeof notice === 'string' ? { text: notice, ok: true } : notice;
      this.#onchanged();
    } catch (error) {
      this.message = { text: describeError(error), ok: false };
    } finally {
      this.busy = null;
    }
  }

  /** As `run`, after the user confirms `question`. */
  confirmRun(question: string, id: string, action: () => Promise<RowNotice | string | null>): void {
    if (confirm(question)) void this.run(id, action);
  }
}
