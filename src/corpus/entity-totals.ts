// entities.jsonl while the corpus is read: one corpus entity per actor-coded
// name, with a reference to every article it appears in. A 50,000-article
// corpus has millions of such references, so each is kept as four integers
// (article number, interned article-local entity id, mentions, interned
// country and kind) in a growing typed array, not as an object: 16 bytes
// instead of about 60. The totals outlive the run in the aggregation ledger:
// a later run drops the references of the articles that changed and adds theirs.
import type { CorpusEntity } from './aggregate.js';
import type { EntityRow } from './digest.js';
import { Interned } from './interned.js';

const FIELDS = 4;

/** A growing Int32Array of (article, entity id, mentions, variant) references, in article order. */
class References {
  private data: Int32Array;
  length = 0;

  constructor(data?: Int32Array) {
    this.data = data ?? new Int32Array(4 * FIELDS);
    this.length = data ? data.length : 0;
  }

  push(article: number, entity: number, mentions: number, variant: number): void {
    if (this.length + FIELDS > this.data.length) {
      const grown = new Int32Array(Math.ceil(this.data.length * 1.5) + FIELDS);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = article;
    this.data[this.length++] = entity;
    this.data[this.length++] = mentions;
    this.data[this.length++] = variant;
  }

  get count(): number {
    return this.length / FIELDS;
  }

  /** Field `field` (0 article, 1 entity id, 2 mentions, 3 variant) of reference `i`. */
  get(i: number, field: number): number {
    return this.data[i * FIELDS + field];
  }

  /** Renumbers the articles (`numbers[old]`, -1: gone), then puts the references in article order. */
  renumber(numbers: Int32Array): void {
    let to = 0;
    for (let from = 0; from < this.length; from += FIELDS) {
      const article = numbers[this.data[from]];
      if (article === -1) continue;
      this.data[to] = article;
      this.data[to + 1] = this.data[from + 1];
      this.data[to + 2] = this.data[from + 2];
      this.data[to + 3] = this.data[from + 3];
      to += FIELDS;
    }
    this.length = to;
    // Room to grow is kept, not copied away: the copy would be a second array of
    // tens of megabytes at 50,000 articles, and the allocator keeps the memory of
    // the first once it is freed. A full aggregation of 50,000 articles
    // (`npm run bench:aggregate`) peaked at 325-354 MB without the copy, 356-371
    // with it. Everything reads up to `length` only.
    this.sortByArticle();
  }

  /** Sorts by article, references of one article in the order they came (a stable sort): those added since the last renumbering come last. */
  private sortByArticle(): void {
    const n = this.count;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = this.get(i - 1, 0) <= this.get(i, 0);
    if (sorted) return;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.get(a, 0) - this.get(b, 0) || a - b);
    const data = new Int32Array(this.length);
    order.forEach((from, to) => data.set(this.data.subarray(from * FIELDS, from * FIELDS + FIELDS), to * FIELDS));
    this.data = data;
  }

  /** The references as they stand (a view, not a copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

interface EntityTotal {
  name: string;
  type: CorpusEntity['type'];
  actor: string | null;
  references: References;
}

/** The entity totals as the aggregation ledger keeps them (references back to back, four integers each). */
export interface EntityLedger {
  locals: string[];
  /** [country, kind] pairs, interned. */
  variants: [string | null, string][];
  entities: [key: string, name: string, type: CorpusEntity['type'], actor: string | null, references: Int32Array][];
}

export class EntityTotals {
  private readonly byKey = new Map<string, EntityTotal>();
  /** Article-local entity ids ("e1", "e2", …) are few across the corpus: interned. */
  private readonly locals = new Interned();
  /** An entity's country and kind as each article saw them (the first article's are the corpus entity's). */
  private readonly variants = new Interned<[string | null, string]>();

  static fromLedger(ledger: EntityLedger): EntityTotals {
    const totals = new EntityTotals();
    ledger.locals.forEach((id) => totals.locals.add(id));
    ledger.variants.forEach(([country, kind]) => totals.variants.add(`${country ?? ''}|${kind}`, [country, kind]));
    for (const [key, name, type, actor, references] of ledger.entities) totals.byKey.set(key, { name, type, actor, references: new References(references) });
    return totals;
  }

  toLedger(): EntityLedger {
    const entities: EntityLedger['entities'] = [];
    for (const key of [...this.byKey.keys()].sort()) {
      const { name, type, actor, references } = this.byKey.get(key)!;
      entities.push([key, name, type, actor, references.view()]);
    }
    return { locals: this.locals.values, variants: this.variants.values, entities };
  }

  /** Adds an article's entities; `article` numbers the article in `articleIds` given to lines(). */
  add(entities: EntityRow[], article: number): void {
    for (const [entity, name, type, actor, country, kind, mentions] of entities) {
      const key = `${type}|${actor ?? ''}|${name}`;
      let total = this.byKey.get(key);
      if (!total) this.byKey.set(key, (total = { name, type, actor, references: new References() }));
      const local = this.locals.add(entity);
      const variant = this.variants.add(`${country ?? ''}|${kind}`, [country, kind]);
      total.references.push(article, local, mentions, variant);
    }
  }

  /** Renumbers the articles (`numbers[old]`, -1 for an article gone or redone) and puts each entity's references in article order; entities left without articles go. */
  renumber(numbers: Int32Array): void {
    for (const [key, total] of this.byKey) {
      total.references.renumber(numbers);
      if (total.references.length === 0) this.byKey.delete(key);
    }
  }

  /**
   * entities.jsonl in key order, each line in pieces (an entity of every
   * article has tens of thousands of references): the text JSON.stringify
   * would give the entity with its `articles` list.
   */
  *lines(articleIds: readonly string[]): Generator<string> {
    const localJson = this.locals.values.map((id) => JSON.stringify(id));
    // Each article's id as JSON, made once (a frequent entity lists tens of thousands of them).
    const articleJson: (string | undefined)[] = new Array(articleIds.length);
    for (const key of [...this.byKey.keys()].sort()) {
      const { name, type, actor, references } = this.byKey.get(key)!;
      const [country, kind] = this.variants.values[references.get(0, 3)];
      let mentions = 0;
      for (let i = 0; i < references.count; i++) mentions += references.get(i, 2);
      yield `${JSON.stringify({ name, type, actor, country, kind, mentions }).slice(0, -1)},"articles":[`;
      let piece: string[] = [];
      for (let i = 0; i < references.count; i++) {
        const article = references.get(i, 0);
        const id = (articleJson[article] ??= JSON.stringify(articleIds[article]));
        piece.push(`{"id":${id},"entity":${localJson[references.get(i, 1)]},"mentions":${references.get(i, 2)}}`);
        if (piece.length === 1000) {
          yield (i >= 1000 ? ',' : '') + piece.join(',');
          piece = [];
        }
      }
      yield (piece.length && references.count > piece.length ? ',' : '') + piece.join(',') + ']}\n';
    }
  }

  /** The most mentioned entities, for the report's index page. */
  top(n: number): (Pick<CorpusEntity, 'name' | 'type' | 'actor' | 'mentions'> & { articleCount: number })[] {
    // Ties are broken by key, so that the list does not depend on the order entities were first met.
    const all = [...this.byKey.keys()].sort().map((key) => {
      const e = this.byKey.get(key)!;
      let mentions = 0;
      for (let i = 0; i < e.references.count; i++) mentions += e.references.get(i, 2);
      return { name: e.name, type: e.type, actor: e.actor, mentions, articleCount: e.references.count };
    });
    return all.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, n);
  }
}
