/** Process entry for `node --import tsx src/cli/bin.ts …` (the installed bin is bin/shiming.mjs). */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
