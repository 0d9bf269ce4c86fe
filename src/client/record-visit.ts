/** Records that the reader opened this guide page (the one the step navigation marks current), for the progress track. */
import { markPageRead } from '../stores/read-pages';

const current = document.querySelector('.step-nav a[aria-current="page"]')?.getAttribute('href');
if (current) markPageRead(current);
