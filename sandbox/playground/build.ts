import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run build`'s last step: the playground page is plain ES modules and CSS (no bundler, no CDN), so
 * building it is copying it next to the compiled server in dist/, where `findWebRoot` looks first.
 */
const source = fileURLToPath(new URL('./web/', import.meta.url));
const target = fileURLToPath(new URL('../../dist/sandbox/playground/web/', import.meta.url));
if (!existsSync(`${source}index.html`)) throw new Error(`playground page not found in ${source}`);
cpSync(source, target, { recursive: true });
process.stderr.write(`playground page copied to ${target}\n`);
