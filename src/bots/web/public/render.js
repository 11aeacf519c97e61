// Draws a Reply (src/core/reply.ts) as DOM. Every string goes in through textContent and
// every link through safeHref, never innerHTML: a feed title such as
// `<img src=x onerror=alert(1)>` shows up as those characters, and cannot run.

/** Only http(s) links become clickable; anything else stays text. */
export function safeHref(url) {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function link(label, url) {
  const href = safeHref(url);
  if (!href) return el('span', null, label);
  const a = el('a', null, label);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  return a;
}

/** "CNN, 2024-05-30": the outlet (linked when there is a URL), then the as-of date. */
function sourceLine(source) {
  const span = el('span', 'source');
  span.append(link(source.outlet || source.title || 'source', source.url));
  if (source.publishedAt) {
    span.append(', ');
    const time = el('time', null, String(source.publishedAt).slice(0, 10));
    time.dateTime = String(source.publishedAt);
    span.append(time);
  }
  return span;
}

function renderQuote(quote) {
  const block = el('blockquote', 'quote');
  block.append(el('p', null, `“${quote.text}”`));
  const sources = quote.sources || [];
  if (sources.length > 0) {
    const footer = el('footer', 'quote-sources', '— ');
    sources.forEach((source, i) => {
      if (i > 0) footer.append('; ');
      footer.append(sourceLine(source));
    });
    block.append(footer);
  }
  return block;
}

function renderSection(section, compact) {
  const node = el('section', 'reply-section');
  if (section.heading) node.append(el(compact ? 'h5' : 'h4', 'reply-heading', section.heading));
  if (section.text) node.append(el('p', 'reply-text', section.text));
  for (const quote of section.quotes || []) node.append(renderQuote(quote));
  if (section.fields && section.fields.length > 0) {
    const list = el('dl', 'fields');
    for (const field of section.fields) list.append(el('dt', null, field.name), el('dd', null, field.value));
    node.append(list);
  }
  if (section.sources && section.sources.length > 0) {
    const list = el('ul', 'sources');
    for (const source of section.sources) {
      const item = el('li');
      if (source.title && source.outlet) item.append(link(source.title, source.url), ' — ', source.outlet);
      else item.append(link(source.title || source.outlet || 'source', source.url));
      if (source.publishedAt) item.append(`, ${String(source.publishedAt).slice(0, 10)}`);
      list.append(item);
    }
    node.append(list);
  }
  return node;
}

/** One Reply as an <article>; `compact` for the side panel (smaller headings, no title when asked). */
export function renderReply(reply, { compact = false, showTitle = true } = {}) {
  const kind = ['answer', 'digest', 'alert', 'error', 'info'].includes(reply.kind) ? reply.kind : 'info';
  const article = el('article', `reply reply--${kind}${compact ? ' reply--compact' : ''}`);
  if (showTitle) article.append(el(compact ? 'h4' : 'h3', 'reply-title', reply.title));
  for (const section of reply.sections || []) article.append(renderSection(section, compact));
  if (reply.links && reply.links.length > 0) {
    const list = el('ul', 'links');
    for (const l of reply.links) {
      const item = el('li');
      item.append(link(l.label, l.url));
      list.append(item);
    }
    article.append(list);
  }
  if (reply.footer) article.append(el('p', 'reply-footer', reply.footer));
  return article;
}
