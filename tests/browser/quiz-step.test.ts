import { describe, expect, it } from 'vitest';
import { quizResultPath } from '../../src/lib/guide';
import { possibleAnswers } from '../../src/lib/quiz-scoring';
import { axeViolations, describeViolations, hasChromium, watchPage, type Page, type Route } from '../support/browser';
import { answerQuiz, answersForBand, choiceInput, hydrated, savedState, shippedQuiz } from '../support/reader';
import { siteInChromium } from '../support/suite';

const takeTime = shippedQuiz('take-time');
const bandTitle = (bandId: string) => takeTime.bands.find((band) => band.id === bandId)!.title;
const submit = '#quiz-take-time-form .quiz-submit';

describe.skipIf(!hasChromium)('a step self-assessment', () => {
  const site = siteInChromium();

  async function openStep(slug: string, component = 'Quiz'): Promise<Page> {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/steps/${slug}/`);
    await hydrated(page, component);
    return page;
  }

  it('is rendered neutral on the server and kept out of the search index', async () => {
    const html = await (await fetch(`${site.server.url}/steps/take-time/`)).text();
    const quizBlock = /<section class="quiz-block"[^>]*>/.exec(html)?.[0] ?? '';
    expect(quizBlock).toContain('data-pagefind-ignore');
    expect(/<div class="step-tools"[^>]*>/.exec(html)?.[0]).toContain('data-pagefind-ignore');
    const stepTools = html.slice(html.indexOf('class="step-tools"'));
    expect(stepTools).toContain('quiz-result-placeholder');
    expect(stepTools.slice(0, stepTools.indexOf('</main>'))).not.toMatch(/<input[^>]*\bchecked\b/);
  });

  it('shows the result with explanations, keeps it across a reload, and keeps the last one on a retake', async () => {
    const page = await openStep('take-time');
    const { errors } = watchPage(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search}`));

    // First take: a flag (less than a month apart) wins over the score.
    const tooSoon = answersForBand(takeTime, 'too-soon');
    await answerQuiz(page, 'take-time', tooSoon);
    await page.click(submit);
    const heading = page.locator('#quiz-take-time-result');
    await heading.waitFor();
    expect(await heading.textContent()).toBe(bandTitle('too-soon'));
    const result = page.locator('.quiz-result');
    expect(await result.getByRole('link', { name: 'See the page you would share' }).getAttribute('href')).toBe(quizResultPath('take-time', 'too-soon'));
    await result.getByRole('button', { name: 'Share this result' }).click();
    await expect.poll(() => result.locator('.share').getAttribute('data-share-url')).toMatch(/\/steps\/take-time\/result\/too-soon\/$/);
    // The share text names the step, not the result or the answers.
    expect(await result.locator('.share').getAttribute('data-share-text')).toContain('Take time apart first');
    // The chosen option's explanation appears under its question once answered.
    expect(await page.locator('.quiz-explanation').allTextContents()).toContain("It's still very early. Give it at least a month before deciding anything.");

    await page.reload();
    await hydrated(page, 'Quiz');
    await expect.poll(() => heading.textContent()).toBe(bandTitle('too-soon'));
    for (const [questionId, answer] of Object.entries(tooSoon)) expect(await page.isChecked(choiceInput('take-time', questionId, String(answer)))).toBe(true);

    // Retake: the form clears, the new result wins, the old one is "last time".
    await page.getByRole('button', { name: 'Take it again' }).click();
    expect(await page.locator('#quiz-take-time-form input:checked').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('quiz-take-time-how-long');
    await answerQuiz(page, 'take-time', answersForBand(takeTime, 'ready-to-reach-out'));
    await page.click(submit);
    await expect.poll(() => heading.textContent()).toBe(bandTitle('ready-to-reach-out'));
    expect(await page.locator('.quiz-last-time').textContent()).toContain(bandTitle('too-soon'));
    const saved = await savedState(page);
    expect(saved?.quizzes['take-time']).toMatchObject({ band: 'ready-to-reach-out', previous: { band: 'too-soon' } });

    // Results never leave the device: only page assets, the quiz's data file (and the comments list) were fetched,
    // never sent.
    const unexpected = requests.filter(
      (request) => !/^GET \/(?:_astro\/|quizzes\/take-time\.[\w-]+\.json$|api\/comments\?|steps\/take-time\/$|favicon)/.test(request),
    );
    expect(unexpected).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works with the keyboard alone', async () => {
    const quiz = shippedQuiz('understand-why');
    const answers = answersForBand(quiz, 'clear-picture');
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/steps/understand-why/`);
    const firstField = `quiz-understand-why-${quiz.questions[0]!.id}`;
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

    // Tab from the top of the page to the first question.
    for (let presses = 0; presses < 200 && (await focusedName()) !== firstField; presses += 1) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(firstField);
    await hydrated(page, 'Quiz');

    for (const question of quiz.questions) {
      const values = possibleAnswers(question).map(String);
      const chosen = ([] as unknown[]).concat(answers[question.id]).map(String);
      if (question.kind === 'multiple') {
        for (const value of values) {
          if (chosen.includes(value)) await page.keyboard.press('Space');
          await page.keyboard.press('Tab');
        }
      } else {
        // Space picks the first option; arrow keys move the choice along the group.
        await page.keyboard.press('Space');
        for (let step = 0; step < values.indexOf(chosen[0]!); step += 1) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
      }
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('See my result');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('quiz-understand-why-result');
    expect(await page.locator('#quiz-understand-why-result').textContent()).toBe(quiz.bands.find((band) => band.id === 'clear-picture')!.title);
    // From the result, Tab reaches what to do next.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/steps/why-you-want-this/');
    await context.close();
  });

  it('has no axe violations before answering, with errors, and with a result', async () => {
    const page = await openStep('take-time');
    const check = async (moment: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${moment}:\n${describeViolations(violations)}`).toEqual([]);
    };
    await check('before answering');
    await page.click(submit);
    await page.locator('.quiz-error-summary').waitFor();
    await check('with errors');
    await answerQuiz(page, 'take-time', answersForBand(takeTime, 'give-it-longer'));
    await page.click(submit);
    await page.locator('#quiz-take-time-result').waitFor();
    await check('with a result');
    await page.context().close();
  });

  it('keeps room for a saved result, so showing it once the quiz starts does not push the page down', async () => {
    const page = await openStep('take-time');
    await answerQuiz(page, 'take-time', answersForBand(takeTime, 'give-it-longer'));
    await page.click(submit);
    await page.locator('#quiz-take-time-result').waitFor();

    // Reload with the quiz's code held back, measure, then let it start and measure again.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/quiz-form\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    const below = page.locator('#step-done-title');
    await page.locator('.quiz-result-area').evaluate((area) => window.scrollTo(0, area.getBoundingClientRect().top + window.scrollY - 100));
    const topBefore = await below.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    expect(await page.locator('#quiz-take-time-result').count()).toBe(0);
    release();
    await page.locator('#quiz-take-time-result').waitFor();
    const topAfter = await below.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    expect(Math.abs(topAfter - topBefore)).toBeLessThanOrEqual(32);
    await page.context().close();
  });

  it("says so when the quiz's data cannot load, keeps the answers, and works once it can", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    // First the connection drops, then a portal answers with a page of its own, then the file comes through.
    const failures = [(route: Route) => route.abort('internetdisconnected'), (route: Route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Sign in to Wi-Fi</html>' })];
    await page.route(/\/quizzes\/take-time\.[\w-]+\.json$/, (route) => (failures.shift() ?? ((next: Route) => next.continue()))(route));
    await page.goto(`${site.server.url}/steps/take-time/`);
    const answers = answersForBand(takeTime, 'ready-to-reach-out');
    await page.locator('.quiz-block').scrollIntoViewIfNeeded();
    const problem = page.locator('.quiz-result-area [role="alert"]');
    await expect.poll(() => problem.textContent()).toContain("couldn't load");
    await answerQuiz(page, 'take-time', answers);
    expect(await page.locator(submit).isDisabled()).toBe(true);
    expect(describeViolations(await axeViolations(page, '.quiz-block'))).toBe('');

    // Keyboard: "Try again" fails once more (not JSON), then works; focus goes back to the questions.
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => problem.textContent()).toContain("couldn't load");
    await retry.focus();
    await page.keyboard.press('Enter');
    await hydrated(page, 'Quiz');
    expect(await problem.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset') !== null)).toBe(true);
    for (const [questionId, answer] of Object.entries(answers)) {
      expect(await page.isChecked(choiceInput('take-time', questionId, String(answer)))).toBe(true);
    }
    await page.click(submit);
    await expect.poll(() => page.locator('#quiz-take-time-result').textContent()).toBe(bandTitle('ready-to-reach-out'));
    expect(errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
    await context.close();
  });

  it('step 1 keeps private reflections on the device', async () => {
    const page = await openStep('understand-why', 'Reflections');
    await page.fill('#reflection-why-split', 'We stopped making time for each other.');
    await page.fill('#reflection-my-part', 'I went quiet instead of saying I was hurt.');
    expect((await savedState(page))?.journal).toEqual({
      'why-split': 'We stopped making time for each other.',
      'my-part': 'I went quiet instead of saying I was hurt.',
    });
    await page.reload();
    await hydrated(page, 'Reflections');
    await expect.poll(() => page.inputValue('#reflection-why-split')).toBe('We stopped making time for each other.');
    expect(await page.inputValue('#reflection-who-ended-it')).toBe('');
    await page.context().close();
  });
});
