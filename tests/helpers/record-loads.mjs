// Given to a child with `node --import`: every module the child loads is appended, one URL a line, to the
// file named by CASESIM_LOADS (the hooks run in their own thread, so they write to a file, not to a stream).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.CASESIM_LOADS, url + '\\n');
  return next(url, context);
}`)}`,
  import.meta.url,
);
