/**
 * Whether the bot takes new work. On SIGTERM/SIGINT it stops taking commands (members are told to try
 * again in a moment) while running work is saved, so a restart loses nothing.
 */
export class Lifecycle {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  startDraining(): void {
    this.#draining = true;
  }
}
