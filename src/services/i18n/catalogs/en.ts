import { avatar } from './avatar/en.js';
import { animate } from './animate/en.js';
import { quota } from './quota/en.js';
import { guide } from './guide/en.js';

/**
 * English, the source catalog: every other language has exactly these keys (the type below makes the
 * compiler check it) and the same `{{placeholders}}` (test/i18n/catalogs.test.ts checks that).
 * Keys ending in `_one`/`_other` (and `_many` where a language has it) are i18next plural forms,
 * picked by `count`.
 */
export const en = {
  units: {
    credits_one: '{{count, number}} credit',
    credits_other: '{{count, number}} credits',
    seconds: '{{count, number}} s',
  },
  errors: {
    internal:
      '😵 Something went wrong on our side. Nothing was charged. Please try again in a moment (ref `{{reference}}`).',
    draining: '🔄 The bot is restarting. Try again in a moment.',
    guildOnly: 'This bot works inside a server: credits belong to a server.',
    unknownCommand: 'That command is not available any more. Try `/help` to see what is.',
    staleComponent: 'This button is no longer active. Run the command again to get a fresh one.',
    optionRequired: '`{{option}}` is required.',
    optionNotAChoice: '`{{option}}` must be one of {{allowed}}.',
    unknownSubcommand: 'That `/{{command}}` subcommand is not available any more.',
  },
  credits: {
    titleOwn: '💳 Your credits',
    titleOther: '💳 Credits',
    spendableOwn: 'You can spend **{{amount}}** now.',
    spendableOther: '<@{{member}}> can spend **{{amount}}** now.',
    allowance: "Today's allowance",
    allowanceValue:
      '{{left, number}} of {{allowance}} left · {{spent, number}} spent · {{reserved, number}} reserved',
    granted: 'Granted',
    grantedValue: '{{amount}} (kept until spent)',
    resets: 'Allowance resets',
    budgetDay: "Server's daily budget",
    budgetMonth: "Server's monthly budget",
    budgetValue: '{{left, number}} of {{total}} left · resets {{when}}',
    recent: 'Recent charges and refunds',
    recentNone: 'Nothing yet. Try `/avatar`!',
    notAdmin:
      "🔒 Only members with **Manage Server** can see someone else's credits. Run `/credits` alone to see yours.",
    notMember: '<@{{member}}> is not a member of this server.',
  },
  entries: {
    capture: '**−{{amount, number}}** · {{what}} · {{when}}',
    release: '**+{{amount, number}}** refunded · {{reason}} · {{when}}',
    grant: '**+{{amount, number}}** granted · {{reason}} · {{when}}',
    revoke: '**−{{amount, number}}** revoked · {{reason}} · {{when}}',
    reserve: '**{{amount, number}}** held for a job in progress · {{when}}',
    topup: '{{amount}} over the price shown, paid by the server · {{when}}',
    settings: "An admin changed the server's settings · {{when}}",
  },
  made: {
    avatars_one: '{{count, number}} avatar',
    avatars_other: '{{count, number}} avatars',
    modelAvatars_one: '{{count, number}} {{model}} avatar',
    modelAvatars_other: '{{count, number}} {{model}} avatars',
    video: 'video',
    tierVideo: '{{tier}} video',
    timedVideo: '{{length}} video',
    timedTierVideo: '{{length}} {{tier}} video',
    audio: 'spoken line',
    other: 'a job',
  },
  refunds: {
    tookTooLong: 'Percify took too long',
    undeliverable: 'the result could not be posted',
    unreachable: 'Percify could not be reached',
    busy: 'Percify was too busy',
    contentPolicy: "Percify's content policy refused the prompt",
    outOfCredits: "the server's Percify account ran out of credits",
    planLimit: "the server's Percify plan reached its limit",
    signIn: 'the bot could not sign in to Percify',
    failed: 'Percify could not make it',
    badImage: "Percify could not read the avatar's image",
    avatarUnfinished: 'the avatar was not finished yet',
    badLength: 'that length is not available',
    voiceGone: 'the voice is no longer there',
    lineTooLong: 'the spoken line was too long',
    language: 'that language cannot be spoken yet',
    restarted: 'the bot restarted before the job began',
    tooSlowToAnswer: 'the bot could not answer in time',
    avatarGone: 'the avatar is no longer there',
    other: 'the job did not finish',
  },
  language: {
    unknown: 'I don’t know the language “{{typed}}”. Pick one from the list while you type.',
  },
  video: {
    gone: 'This video is no longer available. Run `/animate` to make a new one.',
  },
  voiceModal: {
    title: 'Add a voice',
    line: 'What should the avatar say?',
    voice: 'Voice',
    narrator: 'Narrator',
    language: 'Language of the line',
  },
  avatar,
  animate,
  quota,
  guide,
} as const;
