const ATOM_NS = 'http://www.w3.org/2005/Atom';

/**
 * rss-parser recognises Atom only as an unprefixed `<feed>`. Valid Atom may bind the
 * namespace to a prefix (`<atom:feed xmlns:atom="…2005/Atom">`); for those documents the
 * prefix is dropped from element names so the same parser reads them. Other documents are
 * returned unchanged.
 */
export function unprefixedAtom(text: string): string {
  const root = /<([A-Za-z_][\w.-]*):feed\b[^>]*\bxmlns:\1\s*=\s*["']([^"']+)["']/.exec(text.slice(0, 4000));
  if (!root || root[2] !== ATOM_NS) return text;
  const prefix = root[1]!;
  return text.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1').replace(new RegExp(`xmlns:${prefix}=`, 'g'), 'xmlns=');
}
