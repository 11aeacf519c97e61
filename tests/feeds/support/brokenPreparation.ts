/** A stage preparation that cannot start: the ingest worker that loads it fails. */
export function prepareForIngest(): never {
  throw new Error('this preparation is broken on purpose');
}
