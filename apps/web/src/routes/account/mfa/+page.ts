import { loadAccountPage } from '../step-load.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = loadAccountPage;
