/**
 * Discord's own message rules, as the fake enforces them (from Discord's API reference:
 * "Embed Limits" and "Allowed Mentions"). Kept apart from the renderer on purpose: the
 * test must not share the code it checks.
 */
const LIMIT = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256, total: 6000 };

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

/** Every reason Discord would answer 400 Invalid Form Body (50035) or Empty Message (50006). */
export function embedProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const content = typeof body.content === 'string' ? body.content : '';
  const embeds = (Array.isArray(body.embeds) ? body.embeds : []) as EmbedLike[];
  if (content.length > LIMIT.content) problems.push(`content is ${content.length} > ${LIMIT.content}`);
  if (embeds.length > LIMIT.embeds) problems.push(`${embeds.length} embeds > ${LIMIT.embeds}`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (what: string, text: string | undefined, max: number) => {
      if (text === undefined) return;
      total += text.length;
      if (text.length > max) problems.push(`embeds[${i}].${what} is ${text.length} > ${max}`);
    };
    check('title', embed.title, LIMIT.title);
    check('description', embed.description, LIMIT.description);
    check('footer.text', embed.footer?.text, LIMIT.footer);
    check('author.name', embed.author?.name, LIMIT.author);
    if (embed.url !== undefined && !/^https?:\/\/\S+$/.test(embed.url)) problems.push(`embeds[${i}].url is not a URL`);
    const fields = embed.fields ?? [];
    if (fields.length > LIMIT.fields) problems.push(`embeds[${i}] has ${fields.length} fields > ${LIMIT.fields}`);
    fields.forEach((field, j) => {
      if (!field.name || !field.value) problems.push(`embeds[${i}].fields[${j}] needs a name and a value`);
      check(`fields[${j}].name`, field.name, LIMIT.fieldName);
      check(`fields[${j}].value`, field.value, LIMIT.fieldValue);
    });
    if (!embed.title && !embed.description && fields.length === 0) problems.push(`embeds[${i}] is empty`);
  });
  if (total > LIMIT.total) problems.push(`embeds total ${total} > ${LIMIT.total}`);
  return problems;
}

export interface Pings {
  readonly everyone: boolean;
  readonly roles: string[];
  readonly users: string[];
}

/**
 * Who a message notifies. Only `content` can ping (never embeds); without `allowed_mentions`
 * Discord parses every mention in it, with it only what it lists.
 */
export function pingsOf(body: Record<string, unknown>): Pings {
  const content = typeof body.content === 'string' ? body.content : '';
  const allowed = body.allowed_mentions as { parse?: string[]; roles?: string[]; users?: string[] } | undefined;
  const parse = allowed ? (allowed.parse ?? []) : ['everyone', 'roles', 'users'];
  const roles = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  const users = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  return {
    everyone: parse.includes('everyone') && /@(everyone|here)/.test(content),
    roles: roles.filter((id) => parse.includes('roles') || (allowed?.roles ?? []).includes(id)),
    users: users.filter((id) => parse.includes('users') || (allowed?.users ?? []).includes(id)),
  };
}
