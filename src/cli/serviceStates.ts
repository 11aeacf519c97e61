/** What `start` decided for each service (on, off, failed): /healthz reports it as "adapters up". */
export const serviceStates = new Map<string, 'on' | 'off' | 'failed'>();
