import { preloadWall } from '$lib/components/wall/wall-preload.ts';
import type { PageLoad } from './$types';

// Runs alongside the layout's session check: the wall's data and player start downloading at once.
export const load: PageLoad = () => ({ preload: preloadWall() });
