import { notAvailableYet, type Handler } from '../handler.ts';

// Each of these is replaced by its feature's own handler file as the feature lands.
export const topics: Handler<'topics'> = () => notAvailableYet('Tracked topics');
