// Mode: whether the event happened (asserted), did not (negated), might
// (hypothetical) or is announced (future). Cues come from data/events/cues.json
// and count when they stand before the trigger in its clause (a coordinated
// verb phrase also takes the cues of the clause it continues: "will meet ...
// and sign"). Precedence: negated > hypothetical > future > asserted.
import type { EventMode, Token } from '../../article.js';
import type { Clause } from './clauses.js';
import { FUTURE_TIMES, FUTURE_TIMES_GATE, GATE_BITS, MODALITY, MODALITY_GATE, REPORTING_VERBS, type CueKind } from './dictionary.js';
import { verbBetween } from './timing.js';

export interface CueHit {
  kind: CueKind;
  phrase: string;
  first: number;
  end: number;
  /** A future time expression ("next week"): counts anywhere in the clause. */
  time?: boolean;
  /** A modal of obligation after a reporting verb: the token index of that verb, else -1. */
  reporter: number;
  /** Counts only right before the trigger ("without signing", not "without Russia and wrote ..."). */
  adjacent?: boolean;
}

export interface ModeResult {
  mode: EventMode;
  /** A stated intent or future-tense act: the PLOVER intent rule may recode it. */
  intent: boolean;
  /** The cue that decided, for provenance ("not", "could", "will"), or null. */
  cue: string | null;
  /** Its kind, or null. */
  cueKind: CueKind | null;
  /** A reported "must": the reporting verb's token index, else -1. */
  reporter: number;
}

/** Modality cues and future time expressions of one sentence, computed once; `gates`: the article's gate masks (tokens.ts), if computed. */
export function sentenceCues(tokens: readonly Token[], first: number, end: number, gates?: Uint16Array): CueHit[] {
  const out: CueHit[] = [];
  let reporter = -1;
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    const mask = gates ? gates[i] : (MODALITY_GATE.opens(t) ? GATE_BITS.modality : 0) | (FUTURE_TIMES_GATE.opens(t) ? GATE_BITS.futureTimes : 0);
    if ((mask & GATE_BITS.modality) !== 0) {
      for (const h of MODALITY.matchAt(tokens, i, end)) {
        const cue = h.value;
        if (cue.lower && t.text !== t.text.toLowerCase()) continue;
        if (cue.verb && t.pos !== 'VERB') continue;
        const reported = reporter >= 0;
        out.push(cueHit(reported && cue.reported ? cue.reported : cue.kind, cue.phrase, h.first, h.end, false, reported && cue.modal ? reporter : -1, cue.adjacent));
      }
    }
    if ((mask & GATE_BITS.futureTimes) !== 0) {
      for (const h of FUTURE_TIMES.matchAt(tokens, i, end)) out.push(cueHit('future', normalsOf(tokens, h.first, h.end), h.first, h.end, true, -1, undefined));
    }
    // A reporting verb turns a later "would" into reported intent ("said it would allow").
    if (reporter < 0 && (gates === undefined || (mask & GATE_BITS.reportingVerb) !== 0) && t.pos === 'VERB' && REPORTING_VERBS.has(t.lemma.toLowerCase())) reporter = i;
  }
  // "is expected to" holds "expect to": the longer cue speaks ("be expected to" is future, not a hedge).
  if (out.length < 2) return out;
  const kept: CueHit[] = [];
  for (const c of out) if (!heldInLonger(out, c)) kept.push(c);
  return kept;
}

/** Every cue hit is made here: one object shape. */
function cueHit(kind: CueKind, phrase: string, first: number, end: number, time: boolean | undefined, reporter: number, adjacent: boolean | undefined): CueHit {
  return { kind, phrase, first, end, time, reporter, adjacent };
}

/** The lower-cased forms of tokens [from, to), space-separated. */
function normalsOf(tokens: readonly Token[], from: number, to: number): string {
  let s = tokens[from].normal;
  for (let j = from + 1; j < to; j++) s += ` ${tokens[j].normal}`;
  return s;
}

function heldInLonger(cues: readonly CueHit[], c: CueHit): boolean {
  for (const d of cues) if (d !== c && d.first <= c.first && c.end <= d.end && d.end - d.first > c.end - c.first) return true;
  return false;
}

const RANK: Record<CueKind, number> = { negation: 0, refusal: 0, desire: 1, hedge: 1, request: 1, intent: 2, future: 2 };

/**
 * The mode of a trigger at tokens [first, end) in `clause`. `previous` is the
 * clause a coordinated verb phrase continues (or null).
 */
export function modeOf(
  cues: readonly CueHit[],
  tokens: readonly Token[],
  trigger: { first: number; end: number },
  clause: Clause,
  previous: Clause | null,
): ModeResult {
  const from = clause.inherits && clause.kind === 'coordinate' && previous ? previous.first : clause.first;
  let best: CueHit | null = null;
  for (const c of cues) {
    const before = c.first >= from && c.end <= trigger.first;
    // Future time words ("next week") count anywhere in the clause, unless another verb comes between ("agreed to meet next month").
    const timeWord = c.time === true && c.first >= clause.first && c.first < clause.end && !(c.first >= trigger.end && verbBetween(tokens, trigger.end, c.first));
    if (!before && !timeWord) continue;
    if (c.kind === 'negation') {
      // wink marks the negation's scope; a negation right before the trigger always counts.
      const head = tokens[trigger.first];
      if ((!head.negated || c.adjacent) && trigger.first - c.end > 2) continue;
    }
    if (!best || RANK[c.kind] < RANK[best.kind] || (RANK[c.kind] === RANK[best.kind] && c.first > best.first)) best = c;
  }
  if (!best) return { mode: 'asserted', intent: false, cue: null, cueKind: null, reporter: -1 };
  const found = { cue: best.phrase, cueKind: best.kind, reporter: best.reporter };
  const intentCue = cues.some((c) => (c.kind === 'intent' || c.kind === 'future') && c.first >= from && c.end <= trigger.first);
  switch (best.kind) {
    case 'negation':
    case 'refusal':
      return { mode: 'negated', intent: intentCue || best.kind === 'refusal', ...found };
    case 'hedge':
    case 'request':
    case 'desire':
      return { mode: 'hypothetical', intent: false, ...found };
    default:
      return { mode: 'future', intent: true, ...found };
  }
}
