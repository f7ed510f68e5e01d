import { getContext, setContext } from 'svelte';

const KEY = Symbol('page-title');

/**
 * The title and 返回 link of the page shown in the phone layout's one-line header. PageHeader
 * hands them up instead of drawing its own row, so a page's title is said once, at the top.
 */
export class PageTitle {
  title = $state<string | null>(null);
  back = $state<string | null>(null);
  // The page leaving may let go after the page arriving has claimed: only the holder clears.
  #holder: object | null = null;

  claim(holder: object, title: string, back: string | null): void {
    this.#holder = holder;
    this.title = title;
    this.back = back;
  }

  release(holder: object): void {
    if (this.#holder !== holder) return;
    this.#holder = null;
    this.title = null;
    this.back = null;
  }
}

/** For the phone frame: a slot that the PageHeaders inside it fill. */
export function providePageTitle(): PageTitle {
  return setContext(KEY, new PageTitle());
}

/** For PageHeader: the frame's slot, or undefined where titles stay on the page (desktop, wall). */
export function pageTitleSlot(): PageTitle | undefined {
  return getContext<PageTitle | undefined>(KEY);
}
