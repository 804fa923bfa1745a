import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../sandbox/percify/sim/languages.js';
import { buildGenerateAudioBody } from '../../src/services/percify/requests.js';
import {
  SPOKEN_LANGUAGES,
  nearestSpokenLanguage,
  spokenLanguage,
  spokenLanguageChoices,
} from '../../src/services/i18n/spoken-languages.js';

describe('spoken languages', () => {
  it('are the 29 codes Percify lists, the same as the simulator checks', () => {
    expect(SPOKEN_LANGUAGES).toHaveLength(29);
    expect([...SPOKEN_LANGUAGES]).toEqual([...SUPPORTED_LANGUAGES]);
  });

  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-GB'],
    ['de', 'de-DE'],
    ['fr', 'fr-FR'],
    ['es-ES', 'es-ES'],
    ['es-419', 'es-MX'],
    ['pt-BR', 'pt-BR'],
    ['ja', 'ja-JP'],
    ['zh-TW', 'zh-TW'],
    ['no', 'no-NO'],
    ['sv-SE', 'sv-SE'],
    ['uk', 'en-US'],
    [null, 'en-US'],
  ])('maps Discord locale %s to the nearest voice language, %s', (locale, code) => {
    expect(nearestSpokenLanguage(locale)).toBe(code);
  });

  it('reads a code whatever its case, and nothing else', () => {
    expect(spokenLanguage(' ja-jp ')).toBe('ja-JP');
    expect(spokenLanguage('ja')).toBeUndefined();
    expect(spokenLanguage('Japanese')).toBeUndefined();
  });

  it('suggests at most 25, within Discord’s 100 characters, in every reader’s language', () => {
    for (const locale of ['en-US', 'de', 'fr', 'es-ES', 'pt-BR', 'ja']) {
      const choices = spokenLanguageChoices('', locale);
      expect(choices).toHaveLength(25);
      expect(choices[0]?.value).toBe(nearestSpokenLanguage(locale));
      for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
    expect(spokenLanguageChoices('allemand', 'fr')).toEqual([
      { name: 'allemand (Allemagne) · de-DE', value: 'de-DE' },
    ]);
  });

  it('is sent to Percify with the line, and left out when none was chosen', () => {
    const withLanguage = buildGenerateAudioBody({
      text: 'hallo',
      voiceId: 'preset-narrator',
      language: 'de-DE',
    });
    expect(withLanguage.body).toEqual({ text: 'hallo', voiceId: 'preset-narrator', language: 'de-DE' });
    expect(buildGenerateAudioBody({ text: 'hi', voiceId: 'preset-narrator' }).body).not.toHaveProperty(
      'language',
    );
  });
});
