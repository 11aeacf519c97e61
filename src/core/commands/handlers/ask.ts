import { answerReply } from '../../answer/answerReply.ts';
import type { Handler } from '../handler.ts';

/** `/brief ask <question>`: quoted, sourced sentences from the corpus, or a plain "nothing on that". */
export const ask: Handler<'ask'> = (command, { core }) => answerReply(core.answers.ask(command.question));
