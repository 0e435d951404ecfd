// One shared wink-nlp instance, loaded on first use: the model costs ~100 ms and
// ~60 MB, and a process that never analyses text (the corpus runner's main
// thread when worker threads do the work, `--help`) should not pay for it.
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';

type WinkNlp = ReturnType<typeof winkNLP>;

const require = createRequire(import.meta.url);

/**
 * What the pipeline asks of wink: sentence boundaries, negation and part of
 * speech. wink's default pipe also runs its named-entity and sentiment passes,
 * which cost a third of its time and which no stage reads (tokens, tags and
 * sentences are the same either way: checked on corpus and TimeBank text).
 */
export const PIPELINE_PIPE = ['sbd', 'negation', 'pos'];

const instances = new Map<string, WinkNlp>();

/** A wink-nlp instance with the English lite web model and the given pipe (default: the pipeline's). */
export function getNlp(pipe: readonly string[] = PIPELINE_PIPE): WinkNlp {
  const key = pipe.join(',');
  let instance = instances.get(key);
  if (!instance) instances.set(key, (instance = winkNLP(require('wink-eng-lite-web-model'), pipe as string[])));
  return instance;
}

/** wink with its full default pipe (named entities, sentiment): for baselines that use them. */
export const FULL_PIPE = ['sbd', 'negation', 'sentiment', 'pos', 'ner', 'cer'];

/**
 * `nlp` and `its` behave as the loaded objects; the model loads on the first
 * property read. Values pass through unbound: wink's methods are closures, and
 * `its.*` accessors are recognised by identity.
 */
function lazy<T extends object>(get: () => T): T {
  return new Proxy({} as T, { get: (_, key) => (get() as Record<string | symbol, unknown>)[key] });
}

export const nlp: WinkNlp = lazy(getNlp);
export const its: WinkNlp['its'] = lazy(() => getNlp().its);

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
export function tokenize(text: string): { doc: ReturnType<WinkNlp['readDoc']>; tokens: RawToken[] } {
  const wink = getNlp();
  const its = wink.its;
  const doc = wink.readDoc(text);
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
