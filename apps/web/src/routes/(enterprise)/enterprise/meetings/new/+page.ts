import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

// Reporting is one step now (files first, record on the same page): old links land there.
export const load: PageLoad = ({ url }) => redirect(307, `/enterprise/report${url.search}`);
