import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { everyPagePath } from '../support/sitemap';
import { builtPages } from '../support/site';

/** html-validate with the repository's .htmlvalidate.json (the recommended rules, less the void-element style rule). */
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  const pages = builtPages();

  it('covers every built page, the sitemap included', () => {
    expect(pages.length).toBeGreaterThan(50);
    const built = new Set(pages.map((page) => page.path));
    expect(everyPagePath().filter((path) => !built.has(path))).toEqual([]);
  });

  it.each(pages.map((page) => [page.path, page]))('%s passes html-validate', async (_path, page) => {
    const report = await validator.validateString(page.html, page.file);
    const problems = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (${message.selector ?? `line ${message.line}`})`));
    expect(problems).toEqual([]);
  });

  it('reports what it is meant to catch (a landmark without a name, a <style> in a <section>)', async () => {
    const html = '<!doctype html><html lang="en"><head><title>t</title></head><body><nav></nav><nav></nav><section><style>p{}</style></section></body></html>';
    const report = await validator.validateString(html, pages[0]!.file);
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['unique-landmark', 'element-permitted-content']));
  });
});
