import { InvalidArgumentError } from 'commander';

/**
 * A commander value parser for counts and ids typed on the command line: digits only, from 1
 * to `max`. Anything else ("x", "-5", "1.5", twenty digits) is bad usage (exit 2, main.ts),
 * never a NaN or an overflow handed to SQL.
 */
export function wholeNumber(name: string, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  const limit = max < Number.MAX_SAFE_INTEGER ? ` from 1 to ${max.toLocaleString('en-US')}` : ', 1 or more';
  return (value) => {
    const n = /^\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number${limit}.`);
    return n;
  };
}
