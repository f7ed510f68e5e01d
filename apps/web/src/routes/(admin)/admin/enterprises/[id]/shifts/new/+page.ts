import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => ({ enterpriseId: params.id, shift: null });
