import { it } from 'vitest';
import lighthouse from 'lighthouse';
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../support/browser';
import { freePort, startServer } from '../support/server';
it('lh', async () => {
  const server = await startServer();
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  for (const path of (process.env.LH_PATHS ?? '/search/?q=counselling').split(',')) {
    const result = await lighthouse(server.url + path, { port, onlyCategories: ['performance'], logLevel: 'error' });
    const lhr = result!.lhr;
    const a = (id: string) => lhr.audits[id];
    console.log(path, 'perf', lhr.categories.performance!.score, ['first-contentful-paint','largest-contentful-paint','total-blocking-time','speed-index','cumulative-layout-shift','interactive'].map((id) => `${id}=${Math.round(a(id)!.numericValue!)}`).join(' '));
    console.log(JSON.stringify((a('long-tasks')?.details as any)?.items?.slice(0, 8)));
    console.log(JSON.stringify((a('bootup-time')?.details as any)?.items?.slice(0, 8)));
    console.log(JSON.stringify((a('mainthread-work-breakdown')?.details as any)?.items));
    writeFileSync('/tmp/lh/report.json', JSON.stringify(lhr));
  }
  await browser.close(); await server.stop();
}, 300000);
