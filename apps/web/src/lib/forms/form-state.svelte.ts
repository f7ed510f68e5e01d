import { tick } from 'svelte';
import { ApiError } from '$lib/api/client.ts';
import { describeError } from '$lib/api/describe-error.ts';

/**
 * Submission state of one form: busy flag, the overall message and the translated message per field.
 * `fields` names the fields the form shows (a name also covers its sub-fields, so `members`
 * covers `members.3.name`); errors for any other field are listed in the summary instead, so
 * no server message is ever hidden.
 */
export class FormState {
  busy = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  fieldErrors = $state<Record<string, string>>({});
  /** The form element (`bind:this={form.element}`), so a failed submit can bring the problem into view. */
  element: HTMLElement | undefined = undefined;
  readonly #fields: readonly string[];

  constructor(fields: readonly string[] = []) {
    this.#fields = fields;
  }

  /** The message for a field (translated from the server's code), if it was rejected. */
  errorOf(field: string): string | undefined {
    return this.fieldErrors[field];
  }

  /** The first error of a field or any of its parts (`daysOfWeek` covers `daysOfWeek.2`), for grouped inputs. */
  errorUnder(field: string): string | undefined {
    const key = Object.keys(this.fieldErrors).find((f) => f === field || f.startsWith(`${field}.`));
    return key === undefined ? undefined : this.errorOf(key);
  }

  /** Messages of rejected fields that the form does not show (the field path is not shown: it is not words a user knows). */
  get otherErrors(): string[] {
    return Object.entries(this.fieldErrors)
      .filter(([field]) => !this.#fields.some((known) => field === known || field.startsWith(`${known}.`)))
      .map(([, message]) => message);
  }

  /**
   * Runs `action`, recording any ApiError for display. Returns the result, or undefined when it
   * failed. A 401 is not shown: the client is already on its way to the login page.
   */
  async submit<T>(action: () => Promise<T>, successNotice?: string): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = null;
    this.notice = null;
    this.fieldErrors = {};
    try {
      const result = await action();
      if (successNotice) this.notice = successNotice;
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && error.code !== 'INVALID_CREDENTIALS') return undefined;
      this.error = describeError(error);
      if (error instanceof ApiError) this.fieldErrors = error.fieldErrors;
      void this.#revealProblem();
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** On a long form (a big roster on a phone) the message may be off screen: focus the first bad field, else show the summary. */
  async #revealProblem(): Promise<void> {
    await tick();
    const invalid = this.element?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else this.element?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}
