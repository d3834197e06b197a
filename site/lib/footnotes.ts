// Numbers an item's sources in the order the page first cites them, so figures can point to footnotes.
import type { Source } from '#domain/catalog/catalog.ts';

export class Footnotes {
  private readonly order: string[] = [];
  constructor(private readonly sources: Source[]) {}

  /** The footnote number of each source id, numbering new ones as they are first cited. */
  cite(ids: readonly string[]): { id: string; number: number }[] {
    return ids.map((id) => {
      if (!this.order.includes(id)) this.order.push(id);
      return { id, number: this.order.indexOf(id) + 1 };
    });
  }

  /** Cited sources first in citation order, then any listed but uncited. */
  list(): (Source & { number: number })[] {
    const rest = this.sources.filter((source) => !this.order.includes(source.id)).map((source) => source.id);
    return [...this.order, ...rest].map((id, index) => ({ ...this.sources.find((source) => source.id === id)!, number: index + 1 }));
  }
}
