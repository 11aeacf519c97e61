import { replyToText, type Reply } from '../core/reply.ts';

/** `--json`: exactly one JSON document on stdout. Otherwise readable text. */
export function printResult(json: boolean | undefined, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

export function printReply(json: boolean | undefined, reply: Reply): void {
  printResult(json, reply.data ?? reply, () => replyToText(reply));
}
