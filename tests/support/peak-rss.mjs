// Preloaded into a measured process (`node --import`): on exit it writes the process's peak resident memory (KB) and
// its CPU time (user and system, seconds) as JSON to the file named by PEAK_RSS_FILE. Worker threads count, since
// they share the process.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.PEAK_RSS_FILE) return;
  const usage = process.resourceUsage();
  const figures = { maxRssKb: usage.maxRSS, userSeconds: usage.userCPUTime / 1e6, systemSeconds: usage.systemCPUTime / 1e6 };
  writeFileSync(process.env.PEAK_RSS_FILE, JSON.stringify(figures));
});
