// Language detection. Most articles are English and a cheap test says so: the
// share of the commonest English function words. Only texts that fail it go to
// franc (a trigram model, ~2 ms an article), on a sample.
import { franc } from 'franc-min';

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for on with as was by at it from his her its are be this have has had were which an or not but their they he she been will would said after also who more than'.split(' '),
);

/** ISO 639-3 (franc) to the 639-1 codes articles carry, for the languages news comes in most. */
const ISO1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', rus: 'ru', ukr: 'uk', arb: 'ar', pes: 'fa', tur: 'tr', cmn: 'zh',
  jpn: 'ja', kor: 'ko', hin: 'hi', urd: 'ur', ind: 'id', nld: 'nl', pol: 'pl', swe: 'sv', ell: 'el', heb: 'he', vie: 'vi', tha: 'th',
};

export interface DetectedLanguage {
  /** 639-1 code (or 639-3 when there is none), or null when the text is too short to tell. */
  language: string | null;
  method: 'function-words' | 'franc' | 'too-short';
}

export function detectLanguage(text: string): DetectedLanguage {
  // A few hundred words tell English from other languages; the rest of a long article adds nothing.
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length >= 12) {
    let hits = 0;
    for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
    if (hits / words.length >= 0.12) return { language: 'en', method: 'function-words' };
  }
  if (sample.replace(/\s+/g, '').length < 60) return { language: null, method: 'too-short' };
  const code = franc(sample.slice(0, 1200), { minLength: 20 });
  if (code === 'und') return { language: null, method: 'too-short' };
  return { language: ISO1[code] ?? code, method: 'franc' };
}

/** Whether a language tag or name from metadata means English ("en", "en-GB", "eng", "English"). */
export function isEnglish(tag: string): boolean {
  return /^(en([-_].*)?|eng|english)$/i.test(tag.trim());
}
