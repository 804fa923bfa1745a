// Registered with `node --import`: records every file the program loads, one URL a line, in the file
// named by RECORD_LOADS_FILE. Registered after tsx, so it sees the paths tsx resolved.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { out: process.env.RECORD_LOADS_FILE } });
