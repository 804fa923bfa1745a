import { createHash } from 'node:crypto';
import { insufficientCredits } from './account.js';
import { submitAvatar } from './avatar-jobs.js';
import { invalidRequest } from './errors.js';
import { formFile, formText } from './form-fields.js';
import { isoSeconds, newId } from './ids.js';
import { requireForm } from './multipart.js';
import { checkPhoto } from './photo-check.js';
import { refuseBlockedWords, STYLES } from './routes-avatars.js';
import type { Route, RouteAnswer, RouteRequest } from './server.js';
import { USER_ID, type SimAvatar, type SimContext } from './types.js';
import { publicCopy } from './validate.js';

/** Docs §3.7 and §8: 10 credits. */
export const PERCIFY_YOURSELF_PRICE = 10;
/** Unspecified; the slow end of the documented 3-10 s avatar times, since a photo is analysed first. */
const PROCESSING_SECONDS = 10;
const SIDE = 1024;

/** `POST /avatars/percify-yourself`: a photo (multipart `image`, `style`, `prompt`) to an avatar. */
export function percifyYourselfRoutes(context: SimContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/v1\/avatars\/percify-yourself$/,
      handle: (request) => fromPhoto(context, request),
    },
  ];
}

function fromPhoto(context: SimContext, request: RouteRequest): RouteAnswer {
  const form = requireForm(request.form);
  const image = formFile(form, ['image']);
  checkPhoto(image.bytes);
  const style = formText(form, 'style');
  if (style !== undefined && !(STYLES as readonly string[]).includes(style)) {
    throw invalidRequest('style', `must be one of ${STYLES.join(', ')}`);
  }
  const prompt = formText(form, 'prompt') ?? '';
  refuseBlockedWords(context, prompt);
  context.account.reserve(PERCIFY_YOURSELF_PRICE, (available) =>
    insufficientCredits(PERCIFY_YOURSELF_PRICE, available),
  );
  const avatar: SimAvatar = {
    id: newId('avatar'),
    userId: USER_ID,
    status: 'queued',
    prompt,
    negativePrompt: null,
    model: 'percify-yourself',
    aspectRatio: '1:1',
    guidanceScale: 10,
    // The same photo gives the same picture, as a seed does for a prompt.
    seed: createHash('sha256').update(image.bytes).digest().readUInt32BE(0) & 0x7fffffff,
    stylePreset: style ?? null,
    creditCost: PERCIFY_YOURSELF_PRICE,
    width: SIDE,
    height: SIDE,
    createdAt: isoSeconds(context.now()),
  };
  submitAvatar(context, avatar, {
    processingSeconds: PROCESSING_SECONDS,
    modelVersion: 'percify-yourself-v1',
  });
  return { status: 200, body: publicCopy(avatar) };
}
