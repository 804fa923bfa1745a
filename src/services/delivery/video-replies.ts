import { MediaGalleryBuilder, MediaGalleryItemBuilder } from '@discordjs/builders';
import { ButtonStyle } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import { TIER_SPECS } from '../percify/pricing.js';
import { progressBar, timeLeftText } from './progress-text.js';
import { MOTION_STYLES, type MotionStyle } from '../../percify-catalog.js';
import type { ReplyBody } from './reply-body.js';
import type { VideoProgress, VideoStageName, VideoStep, VideoView } from './views.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import { COLOURS, clip, quote } from './style.js';
import {
  actionButton,
  buttonRow,
  card,
  linkButton,
  subtext,
  textDisplay,
  thinSeparator,
  v2Reply,
} from './v2-layout.js';

/**
 * The messages of a video job, Components V2 in every state like the avatar job's: the progress
 * view while it waits and renders (each stage named, with its step), the result (the video uploaded
 * and shown in a media gallery, or linked with its poster when it is over the server's upload limit)
 * with its next steps, and the failure. Pure functions of the job record and what the caller measured,
 * in the channel's language (`tr`, from `forChannel`): the whole channel reads a job's reply.
 */

export interface VideoPendingView {
  /** 1-based place in line, or undefined once Percify has the job. */
  position?: number | undefined;
  /** Undefined while the job has not been accepted yet. */
  progress?: VideoProgress | undefined;
}

/** How the video reaches the member. */
export type VideoMedia =
  | { kind: 'upload'; fileName: string; thumbnailUrl?: string | undefined }
  | {
      kind: 'link';
      url: string;
      /** The poster shown in place of the video. */
      thumbnailUrl?: string | undefined;
      sizeBytes?: number | undefined;
      limitBytes: number;
    };

/**
 * The stages a job goes through, in order, read from what it was asked to do: a voice on an existing
 * video, a new video with speech, or a plain video (the job runner's plan follows the same rule; a
 * test holds the two together).
 */
export function plannedStages(job: VideoView): VideoStageName[] {
  if (job.params.existingVideoId !== undefined) return ['audio', 'lipsync'];
  if (job.params.speech !== undefined) return ['audio', 'video', 'lipsync'];
  return ['video'];
}

/** Discord's longest URL in a link button, and in a media gallery item. */
const LINK_BUTTON_URL_MAX = 512;
const MEDIA_URL_MAX = 2048;

export function videoFileName(format: string | undefined): string {
  const safe = (format ?? 'mp4').toLowerCase().replace(/[^a-z0-9]/g, '');
  return 'video.' + (safe || 'mp4');
}

function isAddVoice(job: VideoView): boolean {
  return job.params.existingVideoId !== undefined;
}

/** "30 MB", "1.5 MB" (a decimal only below 10), written the reader's way. */
function megabytes(bytes: number, tr: Translator): string {
  const value = bytes / (1024 * 1024);
  return tr.t(value >= 10 ? 'animate.video.megabytes' : 'animate.video.megabytesSmall', { value });
}

const MOTION_KEYS = {
  subtle: 'animate.motion.subtle',
  moderate: 'animate.motion.moderate',
  dynamic: 'animate.motion.dynamic',
} as const satisfies Record<MotionStyle, MessageKey>;

/** What the member reads while a stage runs, when it fails, and its short name in the line of stages. */
const STAGE_KEYS = {
  audio: {
    working: 'animate.video.stageWorking.audio',
    failed: 'animate.video.stageFailed.audio',
    name: 'animate.video.stageName.audio',
  },
  video: {
    working: 'animate.video.stageWorking.video',
    failed: 'animate.video.stageFailed.video',
    name: 'animate.video.stageName.video',
  },
  lipsync: {
    working: 'animate.video.stageWorking.lipsync',
    failed: 'animate.video.stageFailed.lipsync',
    name: 'animate.video.stageName.lipsync',
  },
} as const satisfies Record<VideoStageName, Record<'working' | 'failed' | 'name', MessageKey>>;

/** Percify's motion style as the reader says it (an unknown one as Percify wrote it). */
export function motionName(motion: string, tr: Translator): string {
  return (MOTION_STYLES as readonly string[]).includes(motion)
    ? tr.t(MOTION_KEYS[motion as MotionStyle])
    : motion;
}

/** The settings both the progress view and the failure show. */
function settingsLine(job: VideoView, tr: Translator): string {
  const { params } = job;
  const spec = TIER_SPECS[params.tier];
  return [
    tr.t('animate.video.length', { length: tr.seconds(params.durationSeconds) }),
    // Tier labels ("Basic", "Reality Lab") are Percify's product names: the same in every language.
    tr.t('animate.video.tier', { tier: spec.label, resolution: spec.resolution }),
    tr.t('animate.video.motion', { motion: motionName(params.motion, tr) }),
    tr.t('animate.video.fps', { fps: params.fps }),
    tr.t('animate.video.format', { format: params.format.toUpperCase() }),
  ].join('  ·  ');
}

function speechLine(job: VideoView, tr: Translator): string {
  const speech = job.params.speech;
  if (!speech) return '';
  return `\n${tr.t('animate.video.voiceSaying', { voice: clip(speech.voiceId, 60), line: quote(speech.text, 400) })}`;
}

function headingWithPrompt(title: string, job: VideoView): string {
  return job.params.avatarPrompt ? `### ${title}\n${quote(job.params.avatarPrompt, 500)}` : `### ${title}`;
}

function workingTitle(job: VideoView, tr: Translator): string {
  return tr.t(isAddVoice(job) ? 'animate.video.titleAddingVoice' : 'animate.video.titleAnimating');
}

/** "✅ voice 1/3 · **video 2/3** · lip-sync 3/3": done, running (bold) and still to come. */
export function stageLine(job: VideoView, current: VideoStep, tr: Translator): string {
  const stages = plannedStages(job);
  return stages
    .map((stage, index) => {
      const name = tr.t('animate.video.stageStep', {
        stage: tr.t(STAGE_KEYS[stage].name),
        step: index + 1,
        steps: stages.length,
      });
      if (index + 1 < current.step) return `✅ ${name}`;
      return index + 1 === current.step ? `**${name}**` : name;
    })
    .join(' · ');
}

function statusText(job: VideoView, view: VideoPendingView, tr: Translator): string {
  if (view.position !== undefined) return tr.t('animate.video.waiting', { position: view.position });
  const progress = view.progress;
  if (!progress || job.state === 'queued') return tr.t('animate.video.starting');
  const stages = progress.steps > 1 ? `${stageLine(job, progress, tr)}\n` : '';
  const working = tr.t(STAGE_KEYS[progress.stage].working);
  return `${stages}**${working}**\n${progressBar(progress.percent)} · ${timeLeftText(progress.secondsLeft, progress.elapsedSeconds, tr)}`;
}

export function renderVideoPending(job: VideoView, view: VideoPendingView, tr: Translator): ReplyBody {
  const reserved = tr.credits(job.reservedCredits);
  const cost =
    job.balanceAfter !== undefined
      ? tr.t('animate.video.costAfter', { reserved, left: tr.credits(job.balanceAfter) })
      : tr.t('animate.video.cost', { reserved });
  const container = card(COLOURS.working).addTextDisplayComponents(
    textDisplay(headingWithPrompt(workingTitle(job, tr), job)),
    textDisplay(statusText(job, view, tr)),
    textDisplay(`${settingsLine(job, tr)}${speechLine(job, tr)}\n${cost}`),
    textDisplay(subtext(tr.t('animate.video.job', { id: job.id }))),
  );
  return v2Reply(container);
}

/** True when the member asked for a voice on a new video and it could not be added. */
export function voiceWasDropped(job: VideoView): boolean {
  return job.params.speech !== undefined && job.video !== undefined && !job.video.hasAudio;
}

function voiceValue(job: VideoView, tr: Translator): string {
  if (voiceWasDropped(job)) return tr.t('animate.video.voiceDropped');
  return tr.t(job.video?.hasAudio ? 'animate.video.voiceYes' : 'animate.video.voiceNo');
}

/**
 * The next steps under a video: give it a voice ("Replace voice" once it has one), render it again,
 * or delete it; a video too large to upload also gets a link button to open it.
 */
export function videoResultButtons(job: VideoView, tr: Translator, openUrl?: string) {
  const voiceLabel = tr.t(job.video?.hasAudio ? 'animate.video.replaceVoice' : 'animate.video.addVoice');
  const buttons = [
    actionButton(encodeCustomId('voice', job.id), voiceLabel, '🔊', ButtonStyle.Primary),
    actionButton(
      encodeCustomId('rerender', job.id),
      tr.t('animate.video.rerender'),
      '🔁',
      ButtonStyle.Secondary,
    ),
    actionButton(encodeCustomId('delete', job.id), tr.t('animate.video.delete'), '🗑️', ButtonStyle.Danger),
  ];
  // Discord takes link buttons up to 512 characters; a longer (signed) URL stays as the text's link.
  if (openUrl && openUrl.length <= LINK_BUTTON_URL_MAX) {
    buttons.push(linkButton(openUrl, tr.t('animate.video.open'), '📦'));
  }
  return [buttonRow(buttons)];
}

function videoGallery(media: VideoMedia, description: string): MediaGalleryBuilder | undefined {
  const url = media.kind === 'upload' ? 'attachment://' + media.fileName : media.thumbnailUrl;
  if (!url || url.length > MEDIA_URL_MAX) return undefined;
  return new MediaGalleryBuilder().addItems(
    new MediaGalleryItemBuilder().setURL(url).setDescription(description),
  );
}

function tooLargeNote(media: Extract<VideoMedia, { kind: 'link' }>, tr: Translator): string {
  const limit = megabytes(media.limitBytes, tr);
  return media.sizeBytes !== undefined
    ? tr.t('animate.video.noteTooLargeSized', { size: megabytes(media.sizeBytes, tr), limit, url: media.url })
    : tr.t('animate.video.noteTooLarge', { limit, url: media.url });
}

export function renderVideoResult(job: VideoView, media: VideoMedia, tr: Translator): ReplyBody {
  const video = job.video;
  const charged = job.chargedCredits ?? video?.creditCost ?? 0;
  const length = tr.seconds(video?.durationSeconds ?? job.params.durationSeconds);
  const notes: string[] = [];
  if (voiceWasDropped(job)) notes.push(tr.t('animate.video.noteVoiceDropped'));
  if (media.kind === 'link') notes.push(tooLargeNote(media, tr));
  const title = tr.t(isAddVoice(job) ? 'animate.video.titleVoiceAdded' : 'animate.video.titleDone');
  const container = card(COLOURS.success).addTextDisplayComponents(
    textDisplay(`${headingWithPrompt(title, job)}${notes.length > 0 ? `\n\n${notes.join('\n')}` : ''}`),
  );
  const gallery = videoGallery(
    media,
    tr.t(media.kind === 'upload' ? 'animate.video.altUpload' : 'animate.video.altPoster', { length }),
  );
  if (gallery) container.addMediaGalleryComponents(gallery);
  const spec = TIER_SPECS[job.params.tier];
  const details = [
    tr.t('animate.video.length', { length }),
    tr.t('animate.video.tierFps', {
      tier: spec.label,
      resolution: video?.resolution ?? spec.resolution,
      fps: video?.fps ?? job.params.fps,
    }),
    tr.t('animate.video.motion', { motion: motionName(job.params.motion, tr) }),
  ].join('  ·  ');
  const outcome = [
    tr.t('animate.video.voice', { value: voiceValue(job, tr) }),
    tr.t('animate.video.charged', { amount: tr.credits(charged) }),
  ].join('  ·  ');
  const footer = video
    ? tr.t('animate.video.jobVideo', { id: job.id, videoId: video.videoId })
    : tr.t('animate.video.job', { id: job.id });
  container
    .addTextDisplayComponents(textDisplay(`${details}\n${outcome}`))
    .addSeparatorComponents(thinSeparator())
    .addActionRowComponents(videoResultButtons(job, tr, media.kind === 'link' ? media.url : undefined))
    .addTextDisplayComponents(textDisplay(subtext(footer)));
  return v2Reply(container);
}

/**
 * The failure, with the stage that failed in front of `reason` (already in the reader's language)
 * unless the reason names it itself.
 */
export function renderVideoFailure(
  job: VideoView,
  reason: string,
  failed: VideoStep,
  tr: Translator,
): ReplyBody {
  const stage = tr.t(STAGE_KEYS[failed.stage].failed);
  const stageWords = reason.startsWith(stage)
    ? ''
    : `${
        failed.steps > 1
          ? tr.t('animate.video.failedStageStep', { stage, step: failed.step, steps: failed.steps })
          : tr.t('animate.video.failedStage', { stage })
      }\n`;
  const title = tr.t(isAddVoice(job) ? 'animate.video.titleFailedVoice' : 'animate.video.titleFailed');
  const container = card(COLOURS.failure).addTextDisplayComponents(
    textDisplay(headingWithPrompt(title, job)),
    textDisplay(
      `${stageWords}${reason}\n\n${tr.t('animate.video.notCharged', { amount: tr.credits(job.reservedCredits) })}`,
    ),
    textDisplay(settingsLine(job, tr)),
    textDisplay(subtext(tr.t('animate.video.job', { id: job.id }))),
  );
  return v2Reply(container);
}
