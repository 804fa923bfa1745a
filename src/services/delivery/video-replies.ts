import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import { button, buttonRow } from './components.js';
import { TIER_SPECS } from '../percify/pricing.js';
import { progressBar, timeLeftText } from './progress-text.js';
import type { ReplyBody } from './reply-body.js';
import type { VideoProgress, VideoStageName, VideoStep, VideoView } from './views.js';
import { COLOURS, clip, credits, quote } from './style.js';

/**
 * The messages of a video job: the progress view while it waits and renders, the result (the video
 * uploaded, or linked with a poster when it is over the server's upload limit) with its buttons, and
 * the failure. Pure functions of the job record and what the caller measured.
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
      /** The poster shown as the embed image. */
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

/** The settings both the progress view and the result show. */
function settingsFields(job: VideoView): NonNullable<APIEmbed['fields']> {
  const { params } = job;
  const spec = TIER_SPECS[params.tier];
  return [
    { name: 'Duration', value: `${params.durationSeconds} s`, inline: true },
    { name: 'Tier', value: `${spec.label} · ${spec.resolution}`, inline: true },
    { name: 'Motion', value: params.motion, inline: true },
    { name: 'FPS', value: String(params.fps), inline: true },
    { name: 'Format', value: params.format.toUpperCase(), inline: true },
  ];
}

function speechField(job: VideoView): NonNullable<APIEmbed['fields']> {
  const speech = job.params.speech;
  if (!speech) return [];
  return [{ name: 'Voice', value: `\`${clip(speech.voiceId, 60)}\` saying:\n${quote(speech.text, 400)}` }];
}

function promptLine(job: VideoView): string {
  return job.params.avatarPrompt ? `${quote(job.params.avatarPrompt, 500)}\n\n` : '';
}

function workingTitle(job: VideoView): string {
  return isAddVoice(job) ? '🔊 Adding a voice' : '🎬 Animating your avatar';
}

function statusLine(job: VideoView, view: VideoPendingView): string {
  if (view.position !== undefined) return `⏳ Waiting for a free slot: **#${view.position}** in line`;
  const progress = view.progress;
  if (!progress || job.state === 'queued') return '⏳ Starting…';
  const step = progress.steps > 1 ? `Step ${progress.step} of ${progress.steps} · ` : '';
  return `**${step}${STAGE_WORKING[progress.stage]}**\n${progressBar(progress.percent)} · ${timeLeftText(progress.secondsLeft, progress.elapsedSeconds)}`;
}

export function renderVideoPending(job: VideoView, view: VideoPendingView): ReplyBody {
  const after = job.balanceAfter !== undefined ? ` · ${credits(job.balanceAfter)} left after this` : '';
  return {
    embeds: [
      {
        color: COLOURS.working,
        title: workingTitle(job),
        description: `${promptLine(job)}${statusLine(job, view)}`,
        fields: [
          ...settingsFields(job),
          ...speechField(job),
          { name: 'Cost', value: `${credits(job.reservedCredits)} reserved${after}` },
        ],
        footer: { text: `Job ${job.id}` },
      },
    ],
    components: [],
  };
}

/** True when the member asked for a voice on a new video and it could not be added. */
export function voiceWasDropped(job: VideoView): boolean {
  return job.params.speech !== undefined && job.video !== undefined && !job.video.hasAudio;
}

function voiceValue(job: VideoView): string {
  if (voiceWasDropped(job)) return 'No: it could not be added (not charged)';
  return job.video?.hasAudio ? 'Yes' : 'No';
}

export function videoResultButtons(job: VideoView): APIActionRowComponent<APIButtonComponent>[] {
  return [
    buttonRow([
      button(encodeCustomId('voice', job.id), '🔊 Add voice', ButtonStyle.Primary),
      button(encodeCustomId('rerender', job.id), '🔁 Re-render', ButtonStyle.Secondary),
      button(encodeCustomId('delete', job.id), '🗑 Delete', ButtonStyle.Danger),
    ]),
  ];
}

export function renderVideoResult(job: VideoView, media: VideoMedia): ReplyBody {
  const video = job.video;
  const charged = job.chargedCredits ?? video?.creditCost ?? 0;
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
  const embed: APIEmbed = {
    color: COLOURS.success,
    title: isAddVoice(job) ? '✅ Voice added' : '✅ Your video',
    description: `${promptLine(job)}${notes.join('\n')}`.trim() || undefined,
    fields: [
      { name: 'Duration', value: `${video?.durationSeconds ?? job.params.durationSeconds} s`, inline: true },
      {
        name: 'Resolution',
        value: video?.resolution ?? TIER_SPECS[job.params.tier].resolution,
        inline: true,
      },
      { name: 'FPS', value: String(video?.fps ?? job.params.fps), inline: true },
      { name: 'Tier', value: TIER_SPECS[job.params.tier].label, inline: true },
      { name: 'Motion', value: job.params.motion, inline: true },
      { name: 'Voice', value: voiceValue(job), inline: true },
      { name: 'Charged', value: credits(charged), inline: true },
    ],
    footer: { text: `Job ${job.id}${video ? ` · ${video.videoId}` : ''}` },
  };
  if (media.kind === 'link') {
    embed.url = media.url;
    if (media.thumbnailUrl) embed.image = { url: media.thumbnailUrl };
  } else if (media.thumbnailUrl) {
    embed.thumbnail = { url: media.thumbnailUrl };
  }
  if (embed.description === undefined) delete embed.description;
  return { embeds: [embed], components: videoResultButtons(job) };
}

export function renderVideoFailure(job: VideoView, reason: string, failed: VideoStep): ReplyBody {
  const { stage } = failed;
  const step = failed.steps > 1 ? ` (step ${failed.step} of ${failed.steps})` : '';
  const stageWords = reason.startsWith(STAGE_FAILED[stage]) ? '' : `${STAGE_FAILED[stage]}${step}.\n`;
  return {
    embeds: [
      {
        color: COLOURS.failure,
        title: isAddVoice(job) ? '❌ Could not add the voice' : '❌ Could not animate your avatar',
        description: `${promptLine(job)}${stageWords}${reason}\n\n**Nothing was charged**: the ${credits(job.reservedCredits)} held for this are back in your balance.`,
        fields: settingsFields(job),
        footer: { text: `Job ${job.id}` },
      },
    ],
    components: [],
  };
}
