/** Rendered media kept in memory, keyed by URL path (`/media/avatars/avatar_x.png`). */
export interface MediaFile {
  bytes: Buffer;
  contentType: string;
}

export class MediaStore {
  private readonly files = new Map<string, MediaFile>();
  private readonly lazy = new Map<string, () => MediaFile>();

  put(path: string, file: MediaFile): void {
    this.files.set(path, file);
  }

  /** Registers a renderer run on first download (PNG avatars are cheap but not free). */
  putLazy(path: string, render: () => MediaFile): void {
    this.lazy.set(path, render);
  }

  get(path: string): MediaFile | undefined {
    const ready = this.files.get(path);
    if (ready) return ready;
    const render = this.lazy.get(path);
    if (!render) return undefined;
    const file = render();
    this.files.set(path, file);
    this.lazy.delete(path);
    return file;
  }

  delete(path: string): void {
    this.files.delete(path);
    this.lazy.delete(path);
  }
}
