/** The evaluations `newsevents eval` runs, with what each scores (kept apart so `--help` loads nothing heavy). */
export const EVALUATION_KINDS = {
  timeml: 'dates against TempEval-3 TimeML (.tml files under PATH)',
  wikiwars: 'dates against WikiWars inline TIMEX2 (PATH: the keyinline folder)',
  meantime: 'entity mentions against MEANTIME (PATH: meantime-dev)',
  gum: 'entity mentions against GUM news (PATH: gum-news)',
  plover: 'stance (cooperation vs conflict) against PLOVER sentences, beside sentiment baselines (PATH: plover-dev.tsv)',
  stance: "sentence stance, four labels, against the project's own gold set (PATH: fixtures/stance/gold.tsv)",
  events: 'event categories and quad classes against PLOVER sentences (PATH: plover-dev.tsv)',
  'event-gold': "dyadic events (P/R/F1, quad, mode, date) against the project's own gold articles (PATH: fixtures/events)",
} as const;
