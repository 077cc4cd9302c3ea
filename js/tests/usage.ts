// A TypeScript user of the package: compiled with `tsc --strict --noEmit` by the tests.
import { analyze, compare, sample, type Article, type Card, type CompareTable, type Fact, type Kind } from "zhibiao";

const article: Article = analyze(sample(), { source: "sample.txt" });
const cards: Card[] = article.cards;
const title: string | null = article.title;
const subject: string | null = cards[0].subject;
const growth: Fact[] = cards.flatMap((card) => card.facts).filter((fact) => fact.kind === "change");
const kinds: Kind[] = growth.map((fact) => fact.kind);
const rows = growth.map((fact) => ({
  value: fact.value,
  display: fact.display,
  basis: fact.basis ?? "",
  target: fact.target === true,
  span: fact.span[1] - fact.span[0],
}));
analyze("全市规上工业增加值同比增长8.4%。");
const table: CompareTable = compare([article, analyze("2024年，全市规上工业增加值同比增长8.4%。")], { all: true });
const firstCell: number | undefined = table.rows[0]?.cells[0]?.[0]?.value;
console.log(table.columns.map((column) => column.label), firstCell);
console.log(title, subject, kinds.length, rows.length);
