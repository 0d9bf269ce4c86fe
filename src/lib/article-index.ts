/** The /articles/ index in pages, so it stays quick to load and to read at any number of articles. */

/** Articles listed on one page of the index. */
export const articlesPerIndexPage = 24;

/** Path of page `number` (1-based) of the article index: /articles/, /articles/page/2/ … */
export const articleIndexPath = (number: number): string => (number <= 1 ? '/articles/' : `/articles/page/${number}/`);

/** One page of the index: which articles it lists and where its neighbours are. */
export interface ArticleIndexPage<T> {
  number: number;
  pageCount: number;
  articles: T[];
  previous?: string;
  next?: string;
}

/** Splits the articles (already in index order) into index pages; an empty list still has one page. */
export function articleIndexPages<T>(articles: readonly T[], perPage = articlesPerIndexPage): ArticleIndexPage<T>[] {
  const pageCount = Math.max(1, Math.ceil(articles.length / perPage));
  return Array.from({ length: pageCount }, (_, index) => {
    const number = index + 1;
    return {
      number,
      pageCount,
      articles: articles.slice(index * perPage, number * perPage),
      ...(number > 1 && { previous: articleIndexPath(number - 1) }),
      ...(number < pageCount && { next: articleIndexPath(number + 1) }),
    };
  });
}
