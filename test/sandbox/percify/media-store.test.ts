import { describe, expect, it } from 'vitest';
import { MediaStore, type MediaFile } from '../../../sandbox/percify/sim/media-store.js';

const png = (text: string): MediaFile => ({ bytes: Buffer.from(text), contentType: 'image/png' });

/** A renderer the test finishes by hand, counting how often it was started. */
function heldRender(result: () => MediaFile) {
  const state = { starts: 0, finish: () => {}, fail: (_error: Error) => {} };
  const render = () => {
    state.starts++;
    return new Promise<MediaFile>((resolve, reject) => {
      state.finish = () => resolve(result());
      state.fail = reject;
    });
  };
  return { state, render };
}

describe("the simulator's media store", () => {
  it('draws a lazy file once, however many downloads arrive while it is drawn', async () => {
    const media = new MediaStore();
    const { state, render } = heldRender(() => png('portrait'));
    media.putLazy('/media/a.png', render);
    const downloads = [media.get('/media/a.png'), media.get('/media/a.png'), media.get('/media/a.png')];
    state.finish();
    const files = await Promise.all(downloads);
    expect(files.map((file) => file?.bytes.toString())).toEqual(['portrait', 'portrait', 'portrait']);
    expect((await media.get('/media/a.png'))?.bytes.toString()).toBe('portrait');
    expect(state.starts).toBe(1);
  });

  it('keeps a file deleted while it was being drawn gone', async () => {
    const media = new MediaStore();
    const { state, render } = heldRender(() => png('portrait'));
    media.putLazy('/media/a.png', render);
    const download = media.get('/media/a.png');
    media.delete('/media/a.png');
    state.finish();
    await download;
    expect(await media.get('/media/a.png')).toBeUndefined();
  });

  it('tries a render that failed again on the next download', async () => {
    const media = new MediaStore();
    const { state, render } = heldRender(() => png('portrait'));
    media.putLazy('/media/a.png', render);
    const first = media.get('/media/a.png');
    state.fail(new Error('out of memory'));
    await expect(first).rejects.toThrow('out of memory');
    const second = media.get('/media/a.png');
    state.finish();
    expect((await second)?.bytes.toString()).toBe('portrait');
    expect(state.starts).toBe(2);
  });

  it('answers a path it never had with nothing', async () => {
    expect(await new MediaStore().get('/media/none.png')).toBeUndefined();
  });
});
