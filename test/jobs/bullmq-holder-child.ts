import { silentLogger } from '../../src/logger.js';
import { BullmqJobQueue } from '../../src/services/jobs/bullmq-job-queue.js';

// A process that takes jobs from a shared line and never lets go: the takeover test SIGKILLs it
// while it holds one. Prints `holding <id>` when a job gets its slot here.
const queue = new BullmqJobQueue({
  url: process.env.HOLDER_QUEUE_URL ?? '',
  name: process.env.HOLDER_QUEUE_NAME ?? '',
  capacity: 1,
  lockMs: Number(process.env.HOLDER_LOCK_MS ?? '1000'),
  logger: silentLogger(),
  onStart: (item) => process.stdout.write(`holding ${item.id}\n`),
});
await queue.start();
process.stdout.write('ready\n');
