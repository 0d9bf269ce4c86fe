// Preloaded into a measured process (`node --import`): on exit it writes the process's peak resident memory, in
// kilobytes, to the file named by PEAK_RSS_FILE. Worker threads count, since they share the process.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
