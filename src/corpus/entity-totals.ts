// entities.jsonl while the corpus is read: one corpus entity per actor-coded
// name, with a reference to every article it appears in. A 50,000-article
// corpus has millions of such references, so each is kept as three integers
// (article number, interned article-local entity id, mentions) in a growing
// typed array, not as an object: 12 bytes instead of about 60.
import type { CorpusEntity } from './aggregate.js';
import type { EntityRow } from './digest.js';

/** A growing Int32Array of (article, entity id, mentions) triples. */
class References {
  private data = new Int32Array(12);
  length = 0;

  push(article: number, entity: number, mentions: number): void {
    if (this.length + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = article;
    this.data[this.length++] = entity;
    this.data[this.length++] = mentions;
  }

  /** Field `field` (0 article, 1 entity id, 2 mentions) of reference `i`. */
  get(i: number, field: number): number {
    return this.data[i * 3 + field];
  }
}

interface EntityTotal extends Omit<CorpusEntity, 'articles'> {
  references: References;
}

export class EntityTotals {
  private readonly byKey = new Map<string, EntityTotal>();
  /** Article-local entity ids ("e1", "e2", …) are few across the corpus: interned. */
  private readonly localIds: string[] = [];
  private readonly localIndex = new Map<string, number>();

  /** Adds an article's entities; `article` numbers the article in `articleIds` given to lines(). */
  add(entities: EntityRow[], article: number): void {
    for (const [entity, name, type, actor, country, kind, mentions] of entities) {
      const key = `${type}|${actor ?? ''}|${name}`;
      let total = this.byKey.get(key);
      if (!total) this.byKey.set(key, (total = { name, type, actor, country, kind, mentions: 0, references: new References() }));
      total.mentions += mentions;
      let local = this.localIndex.get(entity);
      if (local === undefined) {
        this.localIndex.set(entity, (local = this.localIds.length));
        this.localIds.push(entity);
      }
      total.references.push(article, local, mentions);
    }
  }

  /**
   * entities.jsonl in key order, each line in pieces (an entity of every
   * article has tens of thousands of references): the text JSON.stringify
   * would give the entity with its `articles` list.
   */
  *lines(articleIds: readonly string[]): Generator<string> {
    const localJson = this.localIds.map((id) => JSON.stringify(id));
    // Each article's id as JSON, made once (a frequent entity lists tens of thousands of them).
    const articleJson: (string | undefined)[] = new Array(articleIds.length);
    for (const key of [...this.byKey.keys()].sort()) {
      const { references, ...head } = this.byKey.get(key)!;
      yield `${JSON.stringify(head).slice(0, -1)},"articles":[`;
      let piece: string[] = [];
      for (let i = 0; i < references.length / 3; i++) {
        const article = references.get(i, 0);
        const id = (articleJson[article] ??= JSON.stringify(articleIds[article]));
        piece.push(`{"id":${id},"entity":${localJson[references.get(i, 1)]},"mentions":${references.get(i, 2)}}`);
        if (piece.length === 1000) {
          yield (i >= 1000 ? ',' : '') + piece.join(',');
          piece = [];
        }
      }
      yield (piece.length && references.length / 3 > piece.length ? ',' : '') + piece.join(',') + ']}\n';
    }
  }

  /** The most mentioned entities, for the report's index page. */
  top(n: number): (Pick<CorpusEntity, 'name' | 'type' | 'actor' | 'mentions'> & { articleCount: number })[] {
    return [...this.byKey.values()]
      .sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1))
      .slice(0, n)
      .map((e) => ({ name: e.name, type: e.type, actor: e.actor, mentions: e.mentions, articleCount: e.references.length / 3 }));
  }
}
