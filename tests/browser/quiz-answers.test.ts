import { describe, expect, it } from 'vitest';
import type { QuizAnswers } from '../../src/lib/quiz-scoring';
import { hasChromium, watchPage, type Page } from '../support/browser';
import { answerQuiz, answersForBand, choiceInput, hydrated, shippedQuiz } from '../support/reader';
import { siteInChromium } from '../support/suite';

/** Where each quiz sits, and the island that runs it. */
const quizPages: Record<string, { path: string; island: string }> = {
  readiness: { path: '/before-you-start/', island: 'ReadinessCheck' },
  'deeper-conversation': { path: '/steps/deeper-conversation/', island: 'Quiz' },
  'how-they-feel': { path: '/steps/how-they-feel/', island: 'Quiz' },
  'if-it-doesnt-work-out': { path: '/if-it-doesnt-work-out/', island: 'Quiz' },
};

describe.skipIf(!hasChromium)('quiz results agree with the answers', () => {
  const site = siteInChromium();

  /** Opens a quiz's page in a fresh profile, answers, and returns the result card's text. */
  async function resultFor(quizId: string, answers: QuizAnswers): Promise<{ page: Page; heading: string; text: string; errors: string[] }> {
    const { path, island } = quizPages[quizId]!;
    const context = await site.browser.newContext({ timezoneId: 'UTC' });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    await page.goto(`${site.server.url}${path}`);
    await hydrated(page, island);
    await answerQuiz(page, quizId, answers);
    if (quizId === 'readiness') await page.fill('#quiz-readiness-breakup-date', '2026-01-01');
    await page.click(`#quiz-${quizId}-form .quiz-submit`);
    const heading = page.locator(`#quiz-${quizId}-result`);
    await heading.waitFor();
    return { page, heading: (await heading.textContent()) ?? '', text: await page.locator('.quiz-result').innerText(), errors };
  }

  // Each: the quiz, one answer changed from the most "ready" answers, the band it must not reach, words the result
  // must not say, and the reader's own answer the result must name.
  const examples: [string, string, string | number, string, RegExp, string][] = [
    ['readiness', 'okay-if-not', 'cannot-imagine', 'ready', /could cope with a no|be all right in time if they said no/i, "You said you can't imagine being okay without them."],
    ['readiness', 'worth-it', 'probably-not', 'ready', /believe it's worth trying/i, 'You said getting back together probably isn'],
    ['readiness', 'patience', 1, 'ready', /you could take things slowly, and/i, "You didn't agree that you could take things slowly."],
    ['deeper-conversation', 'accept-answer', 1, 'ready-to-talk', /you seem ready|whatever they answer/i, "You didn't agree that you'd accept it if they said no."],
    ['deeper-conversation', 'setting', 'hard-to-leave', 'ready-to-talk', /you seem ready|whatever they answer/i, "You're thinking of somewhere one of you couldn't easily leave."],
    ['deeper-conversation', 'know-what-sorry-for', 'nothing', 'ready-to-talk', /you know what you want to say sorry for/i, "You said you don't think you did anything wrong."],
  ];

  it.each(examples)('%s: answering %s = %s never reaches "%s"', async (quizId, questionId, answer, readyBand, contradiction, named) => {
    const quiz = shippedQuiz(quizId);
    const base = answersForBand(quiz, readyBand);
    const { page, heading, text, errors } = await resultFor(quizId, { ...base, [questionId]: questionId === 'setting' ? [answer as string] : answer });
    expect(heading).not.toBe(quiz.bands.find((band) => band.id === readyBand)!.title);
    expect(text).not.toMatch(contradiction);
    expect(text).toContain(named);
    // The reader's answers come first, then the band's guidance.
    expect(text.indexOf(named)).toBeLessThan(text.indexOf('What next'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a safety answer at step 4 leads to help, with no share controls', async () => {
    const quiz = shippedQuiz('how-they-feel');
    const { page, heading, text } = await resultFor('how-they-feel', { ...answersForBand(quiz, 'clear-signals'), 'felt-safe': 'sometimes' });
    expect(heading).toBe('Your safety comes first');
    expect(text).toContain('You said you sometimes felt afraid of your ex or controlled by them.');
    const result = page.locator('.quiz-result');
    expect(await result.getByRole('button', { name: 'Share this result' }).count()).toBe(0);
    expect(await result.getByRole('link', { name: 'See the page you would share' }).count()).toBe(0);
    expect(await result.locator('a[href^="/steps/"]').count()).toBe(0);
    await page.context().close();
  });

  it('the self-harm answer leads to the crisis section, not the abuse one, with no share controls', async () => {
    const quiz = shippedQuiz('if-it-doesnt-work-out');
    const { page, text } = await resultFor('if-it-doesnt-work-out', { ...answersForBand(quiz, 'coping'), 'how-low': 'harming-thoughts' });
    const crisis = page.locator('.quiz-result .quiz-crisis');
    expect(await crisis.getByRole('heading', { name: 'Getting help now' }).count()).toBe(1);
    const crisisText = await crisis.innerText();
    for (const help of ['emergency number', 'crisis line', 'same-day appointment with a doctor', 'under 18, tell a trusted adult']) expect(crisisText).toContain(help);
    expect(crisisText).not.toMatch(/\d{3}/); // no phone numbers
    expect(text).not.toMatch(/afraid|controlled/i);
    expect(await page.locator('.quiz-result a[href="/articles/getting-help-now/"]').count()).toBe(1);
    expect(await page.locator('.quiz-result').getByRole('button', { name: 'Share this result' }).count()).toBe(0);
    await page.context().close();
  });
});

describe.skipIf(!hasChromium)('answers never leave the device, even before the quiz is ready', () => {
  const site = siteInChromium();
  const readiness = shippedQuiz('readiness');
  /** Anything that looks like an answer in an address: a question id, or the quiz's field names. */
  const answerInUrl = new RegExp(`quiz-|${readiness.questions.map((question) => question.id).join('|')}`);

  /** Every address the page asks for or shows, as it happens. */
  function recordAddresses(page: Page): string[] {
    const seen: string[] = [];
    page.on('request', (request) => seen.push(request.url()));
    page.on('framenavigated', (frame) => seen.push(frame.url()));
    return seen;
  }

  it('with JavaScript off, the quiz says it needs it, and answering and "submitting" sends nothing', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const seen = recordAddresses(page);
    await page.goto(`${site.server.url}/before-you-start/`);
    expect(await page.locator('.quiz-noscript').innerText()).toContain('This check-in needs JavaScript');
    expect(await page.locator('form').filter({ has: page.locator('.quiz-question') }).count()).toBe(0);

    await answerQuiz(page, 'readiness', { ...answersForBand(readiness, 'ready'), 'felt-safe': 'violence' });
    await page.fill('#quiz-readiness-breakup-date', '2026-01-01');
    expect(await page.locator('#quiz-readiness-form .quiz-submit').isDisabled()).toBe(true);
    await page.locator('#quiz-readiness-form .quiz-submit').click({ force: true });
    await page.press(choiceInput('readiness', 'felt-safe', 'violence'), 'Enter');
    await page.press('#quiz-readiness-breakup-date', 'Enter');

    expect(page.url()).toBe(`${site.server.url}/before-you-start/`);
    expect(seen.filter((url) => answerInUrl.test(new URL(url).search))).toEqual([]);
    expect(await page.isChecked(choiceInput('readiness', 'felt-safe', 'violence'))).toBe(true);
    await context.close();
  });

  it('answers ticked while the check loads are kept, never sent, and scored once it is ready', async () => {
    const context = await site.browser.newContext({ timezoneId: 'UTC' });
    const page = await context.newPage();
    const seen = recordAddresses(page);
    // Hold the check's code back until the reader has answered.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/readiness-check\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}/before-you-start/`);
    await page.locator('#quiz-readiness-form').scrollIntoViewIfNeeded();
    const answers = { ...answersForBand(readiness, 'ready'), 'okay-if-not': 'cannot-imagine' };
    await answerQuiz(page, 'readiness', answers);
    await page.fill('#quiz-readiness-breakup-date', '2026-01-01');
    await page.locator('#quiz-readiness-form .quiz-submit').click({ force: true });
    await page.press(choiceInput('readiness', 'okay-if-not', 'cannot-imagine'), 'Enter');
    expect(page.url()).toBe(`${site.server.url}/before-you-start/`);

    release();
    await hydrated(page, 'ReadinessCheck');
    // The first render kept every answer, and the date.
    for (const [questionId, answer] of Object.entries(answers)) expect(await page.isChecked(choiceInput('readiness', questionId, String(answer)))).toBe(true);
    expect(await page.inputValue('#quiz-readiness-breakup-date')).toBe('2026-01-01');
    await page.click('#quiz-readiness-form .quiz-submit');
    await page.locator('#quiz-readiness-result').waitFor();
    expect(await page.locator('#quiz-readiness-result').textContent()).not.toBe(readiness.bands.find((band) => band.id === 'ready')!.title);
    expect(await page.locator('.quiz-result').innerText()).toContain("You said you can't imagine being okay without them.");

    expect(page.url()).toBe(`${site.server.url}/before-you-start/`);
    expect(seen.filter((url) => answerInUrl.test(new URL(url).search))).toEqual([]);
    await context.close();
  });
});
