import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, watchPage } from '../support/browser';
import { reflectionPromptsByStep } from '../../src/lib/reflections';
import { siteInChromium } from '../support/suite';

const note = 'We stopped making time for each other.';
const firstPrompt = reflectionPromptsByStep['understand-why']![0]!;

describe.skipIf(!hasChromium)('the printable guide', () => {
  const site = siteInChromium();

  it('is linked from the home page and holds before you start, the nine steps and the way out', async () => {
    const page = await site.browser.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.server.url}/`);
    await page.getByRole('link', { name: 'The whole guide on one page, to print' }).click();
    await page.waitForURL(`${site.server.url}/print/`);
    const titles = await page.locator('.print-part > h2').allTextContents();
    expect(titles).toHaveLength(11);
    expect(titles[0]).toBe('Before you start');
    expect(titles[1]).toBe('Understand why you split up');
    expect(titles[10]).toBe("If it doesn't work out");
    // No quiz forms on paper.
    expect(await page.locator('.print-guide fieldset, .print-guide astro-island').count()).toBe(0);
    // In-page links still land, their ids prefixed per part.
    expect(await page.locator('#step-3-try-this-today').count()).toBe(1);
    expect(describeViolations(await axeViolations(page))).toBe('');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("adds the reader's private notes only while they choose to, and remembers no choice", async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(
      ([promptId, text]) => {
        if (!localStorage.getItem('back-together:state')) {
          localStorage.setItem('back-together:state', JSON.stringify({ v: 1, quizzes: {}, steps: {}, journal: { [promptId!]: text } }));
        }
      },
      [firstPrompt.id, note],
    );
    const page = await context.newPage();
    await page.goto(`${site.server.url}/print/`);
    const notes = page.locator('#step-1-notes-title');
    expect(await notes.isVisible()).toBe(false);
    expect(await page.content()).not.toContain(note);

    await page.getByLabel('Include my private notes (saved in this browser)').check();
    await expect.poll(() => notes.isVisible()).toBe(true);
    expect(await page.locator(`[data-journal="${firstPrompt.id}"]`).textContent()).toBe(note);
    expect(await page.locator('[data-print-notes-status]').textContent()).toBe('Your notes are added under their steps.');
    // Steps without notes show no empty box.
    expect(await page.locator('[data-print-notes]:not([hidden])').count()).toBe(1);

    await page.getByLabel('Include my private notes (saved in this browser)').uncheck();
    await expect.poll(() => notes.isVisible()).toBe(false);
    expect(await page.content()).not.toContain(note);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).toEqual(['back-together:state']);
    await page.reload();
    expect(await page.getByLabel('Include my private notes (saved in this browser)').isChecked()).toBe(false);
    await context.close();
  });

  it('prints as a clean document: no site controls, each part on a new page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/print/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.quick-exit', '.site-header nav', '.print-controls', '.site-header button']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.print-part').nth(3).evaluate((part) => getComputedStyle(part).breakBefore)).toBe('page');
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.close();
  });
});
