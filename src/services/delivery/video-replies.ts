import { MediaGalleryBuilder, MediaGalleryItemBuilder } from '@discordjs/builders';
import { ButtonStyle } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import { TIER_SPECS } from '../percify/pricing.js';
import { createI18n } from '../i18n/index.js';
import { progressBar, timeLeftText } from './progress-text.js';
import type { ReplyBody } from './reply-body.js';
import type { VideoProgress, VideoStageName, VideoStep, VideoView } from './views.js';
import { COLOURS, clip, credits, quote } from './style.js';
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
 * with its next steps, and the failure. Pure functions of the job record and what the caller measured.
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

/** What the member reads while a stage runs. */
export const STAGE_WORKING: Readonly<Record<VideoStageName, string>> = {
  audio: 'Generating the voice…',
  video: 'Rendering the video…',
  lipsync: 'Syncing lips…',
};

/** What the member reads when a stage fails. */
export const STAGE_FAILED: Readonly<Record<VideoStageName, string>> = {
  audio: 'The voice could not be generated',
  video: 'The video could not be rendered',
  lipsync: 'Lip-sync failed',
};

/** A stage's short name in the line of stages: "voice 1/3 · video 2/3 · lip-sync 3/3". */
export const STAGE_NAME: Readonly<Record<VideoStageName, string>> = {
  audio: 'voice',
  video: 'video',
  lipsync: 'lip-sync',
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
  return `video.${safe || 'mp4'}`;
}

function isAddVoice(job: VideoView): boolean {
  return job.params.existingVideoId !== undefined;
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} MB`;
}

/** The settings both the progress view and the failure show. */
function settingsLine(job: VideoView): string {
  const { params } = job;
  const spec = TIER_SPECS[params.tier];
  return [
    `**Length** ${params.durationSeconds} s`,
    `**Tier** ${spec.label} · ${spec.resolution}`,
    `**Motion** ${params.motion}`,
    `**FPS** ${params.fps}`,
    `**Format** ${params.format.toUpperCase()}`,
  ].join('  ·  ');
}

function speechLine(job: VideoView): string {
  const speech = job.params.speech;
  if (!speech) return '';
  return `\n**Voice** \`${clip(speech.voiceId, 60)}\` saying:\n${quote(speech.text, 400)}`;
}

function headingWithPrompt(title: string, job: VideoView): string {
  return job.params.avatarPrompt ? `### ${title}\n${quote(job.params.avatarPrompt, 500)}` : `### ${title}`;
}

function workingTitle(job: VideoView): string {
  return isAddVoice(job) ? '🔊 Adding a voice' : '🎬 Animating your avatar';
}

/** "✅ voice 1/3 · **video 2/3** · lip-sync 3/3": done, running (bold) and still to come. */
export function stageLine(job: VideoView, current: VideoStep): string {
  const stages = plannedStages(job);
  return stages
    .map((stage, index) => {
      const name = `${STAGE_NAME[stage]} ${index + 1}/${stages.length}`;
      if (index + 1 < current.step) return `✅ ${name}`;
      return index + 1 === current.step ? `**${name}**` : name;
    })
    .join(' · ');
}

/** Until this file takes the reader's translator (the animate area's conversion): English, as before. */
const ENGLISH = createI18n().translator('en');

function statusText(job: VideoView, view: VideoPendingView): string {
  if (view.position !== undefined) return `⏳ Waiting for a free slot: **#${view.position}** in line`;
  const progress = view.progress;
  if (!progress || job.state === 'queued') return '⏳ Starting…';
  const stages = progress.steps > 1 ? `${stageLine(job, progress)}\n` : '';
  return `${stages}**${STAGE_WORKING[progress.stage]}**\n${progressBar(progress.percent)} · ${timeLeftText(progress.secondsLeft, progress.elapsedSeconds, ENGLISH)}`;
}

export function renderVideoPending(job: VideoView, view: VideoPendingView): ReplyBody {
  const after = job.balanceAfter !== undefined ? ` · ${credits(job.balanceAfter)} left after this` : '';
  const container = card(COLOURS.working).addTextDisplayComponents(
    textDisplay(headingWithPrompt(workingTitle(job), job)),
    textDisplay(statusText(job, view)),
    textDisplay(
      `${settingsLine(job)}${speechLine(job)}\n**Cost** ${credits(job.reservedCredits)} reserved${after}`,
    ),
    textDisplay(subtext(`Job ${job.id}`)),
  );
  return v2Reply(container);
}

/** True when the member asked for a voice on a new video and it could not be added. */
export function voiceWasDropped(job: VideoView): boolean {
  return job.params.speech !== undefined && job.video !== undefined && !job.video.hasAudio;
}

function voiceValue(job: VideoView): string {
  if (voiceWasDropped(job)) return 'No: it could not be added (not charged)';
  return job.video?.hasAudio ? 'Yes' : 'No';
}

/**
 * The next steps under a video: give it a voice ("Replace voice" once it has one), render it again,
 * or delete it; a video too large to upload also gets a link button to open it.
 */
export function videoResultButtons(job: VideoView, openUrl?: string) {
  const voiceLabel = job.video?.hasAudio ? 'Replace voice' : 'Add voice';
  const buttons = [
    actionButton(encodeCustomId('voice', job.id), voiceLabel, '🔊', ButtonStyle.Primary),
    actionButton(encodeCustomId('rerender', job.id), 'Re-render', '🔁', ButtonStyle.Secondary),
    actionButton(encodeCustomId('delete', job.id), 'Delete', '🗑️', ButtonStyle.Danger),
  ];
  // Discord takes link buttons up to 512 characters; a longer (signed) URL stays as the text's link.
  if (openUrl && openUrl.length <= LINK_BUTTON_URL_MAX) buttons.push(linkButton(openUrl, 'Open video', '📦'));
  return [buttonRow(buttons)];
}

function videoGallery(media: VideoMedia, description: string): MediaGalleryBuilder | undefined {
  const url = media.kind === 'upload' ? `attachment://${media.fileName}` : media.thumbnailUrl;
  if (!url || url.length > MEDIA_URL_MAX) return undefined;
  return new MediaGalleryBuilder().addItems(
    new MediaGalleryItemBuilder().setURL(url).setDescription(description),
  );
}

export function renderVideoResult(job: VideoView, media: VideoMedia): ReplyBody {
  const video = job.video;
  const charged = job.chargedCredits ?? video?.creditCost ?? 0;
  const length = video?.durationSeconds ?? job.params.durationSeconds;
  const notes: string[] = [];
  if (voiceWasDropped(job)) {
    notes.push(
      '⚠️ The voice could not be added, so here is the video without it. The voice was not charged.',
    );
  }
  if (media.kind === 'link') {
    const size = media.sizeBytes !== undefined ? ` (${megabytes(media.sizeBytes)})` : '';
    notes.push(
      `📦 This video${size} is larger than this server's upload limit of ${megabytes(media.limitBytes)}: **[open the video](${media.url})**`,
    );
  }
  const title = isAddVoice(job) ? '✅ Voice added' : '✅ Your video';
  const container = card(COLOURS.success).addTextDisplayComponents(
    textDisplay(`${headingWithPrompt(title, job)}${notes.length > 0 ? `\n\n${notes.join('\n')}` : ''}`),
  );
  const gallery = videoGallery(
    media,
    media.kind === 'upload' ? `Your video, ${length} s` : `Poster of your video, ${length} s`,
  );
  if (gallery) container.addMediaGalleryComponents(gallery);
  const spec = TIER_SPECS[job.params.tier];
  container
    .addTextDisplayComponents(
      textDisplay(
        [
          `**Length** ${length} s`,
          `**Tier** ${spec.label} · ${video?.resolution ?? spec.resolution} · ${video?.fps ?? job.params.fps} fps`,
          `**Motion** ${job.params.motion}`,
        ].join('  ·  ') + `\n**Voice** ${voiceValue(job)}  ·  **Charged** ${credits(charged)}`,
      ),
    )
    .addSeparatorComponents(thinSeparator())
    .addActionRowComponents(videoResultButtons(job, media.kind === 'link' ? media.url : undefined))
    .addTextDisplayComponents(textDisplay(subtext(`Job ${job.id}${video ? ` · ${video.videoId}` : ''}`)));
  return v2Reply(container);
}

export function renderVideoFailure(job: VideoView, reason: string, failed: VideoStep): ReplyBody {
  const { stage } = failed;
  const step = failed.steps > 1 ? ` (step ${failed.step} of ${failed.steps})` : '';
  const stageWords = reason.startsWith(STAGE_FAILED[stage]) ? '' : `${STAGE_FAILED[stage]}${step}.\n`;
  const title = isAddVoice(job) ? '❌ Could not add the voice' : '❌ Could not animate your avatar';
  const container = card(COLOURS.failure).addTextDisplayComponents(
    textDisplay(headingWithPrompt(title, job)),
    textDisplay(
      `${stageWords}${reason}\n\n**Nothing was charged**: the ${credits(job.reservedCredits)} held for this are back in your balance.`,
    ),
    textDisplay(settingsLine(job)),
    textDisplay(subtext(`Job ${job.id}`)),
  );
  return v2Reply(container);
}
