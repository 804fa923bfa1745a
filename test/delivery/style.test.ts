import { expect, it } from 'vitest';
import { articleFor } from '../../src/services/delivery/style.js';

it('says "an" before numbers read with a vowel first, "a" before the rest', () => {
  const an = [8, 11, 18, 80, 86, 800, 8000, 11_000, 18_500];
  const a = [1, 3, 5, 7, 10, 12, 15, 20, 30, 100, 110, 180, 1100, 1800];
  expect(an.map(articleFor)).toEqual(an.map(() => 'an'));
  expect(a.map(articleFor)).toEqual(a.map(() => 'a'));
});
