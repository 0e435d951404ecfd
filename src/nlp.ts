// One shared wink-nlp instance: loading the model costs ~100 ms, so every stage
// (and the phrase compiler) reuses it.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const nlp = winkNLP(model);
export const its = nlp.its;

export interface RawToken {
  start: number;
  end: number;
  text: string;
  normal: string;
  lemma: string;
  pos: string;
  type: string;
  negated: boolean;
}

/**
 * Tokenises `text` with wink and places every token in it by offset. wink does
 * not report offsets, so they are recovered by scanning: token values are
 * verbatim slices of the input, in order.
 */
export function tokenize(text: string): { doc: ReturnType<typeof nlp.readDoc>; tokens: RawToken[] } {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const lemmas = tokens.out(its.lemma as never) as string[];
  const pos = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const negation = tokens.out(its.negationFlag) as unknown as boolean[];
  const out: RawToken[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    if (start < 0) start = cursor; // defensive: never seen, keeps offsets monotone
    const end = Math.min(text.length, start + value.length);
    out[i] = {
      start,
      end,
      text: text.slice(start, end),
      normal: normals[i],
      lemma: lemmas[i],
      pos: pos[i],
      type: types[i],
      negated: Boolean(negation[i]),
    };
    cursor = end;
  }
  return { doc, tokens: out };
}
