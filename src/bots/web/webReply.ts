import type { Link, Quote, Reply, ReplySection, Source } from '../../core/reply.ts';

/**
 * The web chat's renderer. The page draws a Reply with textContent only (never innerHTML),
 * so escaping is structural; what is left to decide here is what a link may point at and
 * how much one message may hold. Platform limits live here, as they do in each adapter.
 */
export const WEB_LIMITS = {
  title: 300,
  text: 6000,
  sections: 40,
  quotes: 20,
  sources: 20,
  fields: 25,
  links: 10,
  field: 1000,
} as const;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Only http(s) links become links: `javascript:` or `data:` from a feed must never be clickable. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const source = (s: Source): Source => ({ ...s, url: safeUrl(s.url) });

const quote = (q: Quote): Quote => ({ text: cut(q.text, WEB_LIMITS.text), sources: q.sources.slice(0, WEB_LIMITS.sources).map(source) });

function section(s: ReplySection): ReplySection {
  return {
    ...(s.heading === undefined ? {} : { heading: cut(s.heading, WEB_LIMITS.title) }),
    ...(s.text === undefined ? {} : { text: cut(s.text, WEB_LIMITS.text) }),
    ...(s.quotes ? { quotes: s.quotes.slice(0, WEB_LIMITS.quotes).map(quote) } : {}),
    ...(s.fields
      ? { fields: s.fields.slice(0, WEB_LIMITS.fields).map((f) => ({ ...f, name: cut(f.name, WEB_LIMITS.title), value: cut(f.value, WEB_LIMITS.field) })) }
      : {}),
    ...(s.sources ? { sources: s.sources.slice(0, WEB_LIMITS.sources).map(source) } : {}),
  };
}

const link = (l: Link): Link | undefined => {
  const url = safeUrl(l.url);
  return url ? { label: cut(l.label, WEB_LIMITS.title), url } : undefined;
};

/** The Reply as the page receives it: same model, limits applied, unsafe links dropped. */
export function renderWebReply(reply: Reply): Reply {
  const dropped = reply.sections.length - WEB_LIMITS.sections;
  const sections = reply.sections.slice(0, WEB_LIMITS.sections).map(section);
  if (dropped > 0) sections.push({ text: `… and ${dropped} more section${dropped === 1 ? '' : 's'} not shown.` });
  return {
    ...reply,
    title: cut(reply.title, WEB_LIMITS.title),
    sections,
    ...(reply.links ? { links: reply.links.slice(0, WEB_LIMITS.links).map(link).filter((l): l is Link => l !== undefined) } : {}),
  };
}
