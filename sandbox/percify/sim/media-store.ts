/** Rendered media kept in memory, keyed by URL path (`/media/avatars/avatar_x.png`). */
export interface MediaFile {
  bytes: Buffer;
  contentType: string;
}

export class MediaStore {
  private readonly files = new Map<string, MediaFile>();
  private readonly lazy = new Map<string, () => Promise<MediaFile>>();
  /** Renders under way, so that downloads arriving together share one. */
  private readonly rendering = new Map<string, Promise<MediaFile>>();

  put(path: string, file: MediaFile): void {
    this.files.set(path, file);
  }

  /** Registers a renderer run on first download (PNG avatars are cheap but not free). */
  putLazy(path: string, render: () => Promise<MediaFile>): void {
    this.lazy.set(path, render);
  }

  async get(path: string): Promise<MediaFile | undefined> {
    const ready = this.files.get(path);
    if (ready) return ready;
    const under = this.rendering.get(path);
    if (under) return under;
    const render = this.lazy.get(path);
    if (!render) return undefined;
    const file = render()
      .then((made) => {
        // Deleted while it was drawn: it stays gone. A render that failed is tried again next time.
        if (this.rendering.get(path) === file) {
          this.files.set(path, made);
          this.lazy.delete(path);
        }
        return made;
      })
      .finally(() => {
        if (this.rendering.get(path) === file) this.rendering.delete(path);
      });
    this.rendering.set(path, file);
    return file;
  }

  delete(path: string): void {
    this.files.delete(path);
    this.lazy.delete(path);
    this.rendering.delete(path);
  }
}
