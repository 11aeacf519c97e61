/** See writeAside.js. */
export function writeAside(dir: string, files: readonly { path: string; contents: Uint8Array }[]): void;
