// Plain text (the seed's convention): the text is the file, verbatim. The first
// line is the headline when a blank line follows it; a last line
// `Original Source: X` names the publisher.
import type { Reader } from './types.js';

export function readConventions(text: string): { title: string | null; publisher: string | null } {
  const headline = /^[ \t]*([^\r\n]+?)[ \t]*\r?\n[ \t]*\r?\n/.exec(text);
  const source = /(?:^|\n)[ \t]*Original Source:[ \t]*([^\r\n]+?)[ \t]*(?:\r?\n\s*)?$/.exec(text);
  return { title: headline ? headline[1] : null, publisher: source ? source[1] : null };
}

export const readText: Reader = (content) => [{ text: content, extraction: 'verbatim', ...readConventions(content), diagnostics: [] }];
