// Loaded with `node --import`: appends the URL of every module the process
// loads to the file named by GONGWEN_TEST_MODULE_LOG, so a test can see what a
// command loaded. The hook runs on Node's loader thread, hence a file.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.GONGWEN_TEST_MODULE_LOG, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
