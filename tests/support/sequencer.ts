import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files, started first so none of them is left running alone at the end (each takes a minute or more:
 * Lighthouse audits, the every-page crawl, every kind of page with garbage in storage). Vitest orders by the
 * durations of earlier runs when it has them; a fresh clone has none and would order by file size, which puts
 * Lighthouse, a short file, last.
 */
const LONGEST_FIRST = ['tests/browser/lighthouse.test.ts', 'tests/browser/every-page.test.ts', 'tests/browser/progress-data.test.ts'];

const rank = (spec: TestSpecification) => {
  const index = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
  return index < 0 ? LONGEST_FIRST.length : index;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: everything else keeps the base order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
