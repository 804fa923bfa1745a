/** Rendered media kept in memory, keyed by URL path (`/media/avatars/avatar_x.png`). */
export interface MediaFile {
  bytes: Buffer;
  contentType: string;
}

export class MediaStore {
  /** Files made, or being drawn: downloads arriving during a render share it. */
  private readonly files = new Map<string, Promise<MediaFile>>();
  private readonly lazy = new Map<string, () => Promise<MediaFile>>();

  put(path: string, file: MediaFile): void {
    this.files.set(path, Promise.resolve(file));
  }

  /** Registers a renderer run on first download (PNG avatars are cheap but not free). */
  putLazy(path: string, render: () => Promise<MediaFile>): void {
    this.lazy.set(path, render);
  }

  get(path: string): Promise<MediaFile | undefined> {
    const known = this.files.get(path);
    if (known) return known;
    const render = this.lazy.get(path);
    if (!render) return Promise.resolve(undefined);
    const file = render();
    this.files.set(path, file);
    // A render that failed is drawn again on the next download; one deleted meanwhile stays gone.
    file.then(
      () => {
        if (this.files.get(path) === file) this.lazy.delete(path);
      },
      () => {
        if (this.files.get(path) === file) this.files.delete(path);
      },
    );
    return file;
  }

  delete(path: string): void {
    this.files.delete(path);
    this.lazy.delete(path);
  }
}
