import { notAvailableYet, type Handler } from '../handler.ts';

// Each of these is replaced by its feature's own handler file as the feature lands.
export const ask: Handler<'ask'> = () => notAvailableYet('Answering questions');
export const digest: Handler<'digest'> = () => notAvailableYet('The digest');
export const topics: Handler<'topics'> = () => notAvailableYet('Tracked topics');
export const subscribe: Handler<'subscribe'> = () => notAvailableYet('Subscriptions');
export const unsubscribe: Handler<'unsubscribe'> = () => notAvailableYet('Subscriptions');
export const preview: Handler<'preview'> = () => notAvailableYet('Previews');
