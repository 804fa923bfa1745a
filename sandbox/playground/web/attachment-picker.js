// The 📎 picker beside the message box: it fills the attachment option of the command being typed
// (a photo for /avatar, a voice sample for /voice clone), shows which file is chosen, and reads it.

const ATTACHMENT = 11;

export function createAttachmentPicker() {
  const label = document.getElementById('attach-label');
  const input = document.getElementById('attach');
  const chosen = document.getElementById('attach-name');
  let option;

  function render() {
    const file = input.files?.[0];
    chosen.hidden = !(option && file);
    chosen.textContent = option && file ? `${option.name}: ${file.name}` : '';
  }
  input.addEventListener('change', render);

  return {
    /** Shows the picker when the command being typed has an attachment option, named after it. */
    offer(options) {
      option = (options ?? []).find((o) => o.type === ATTACHMENT);
      label.hidden = !option;
      label.title = option ? `Attach a file for ${option.name}: (${option.description})` : '';
      render();
    },
    /** The required attachment option still without a file, if any. */
    missing() {
      return option?.required && !input.files?.[0] ? option : undefined;
    },
    /** `{ [option]: { filename, base64, contentType } }` for the command, or `{}`. */
    async read() {
      const file = input.files?.[0];
      if (!option || !file) return {};
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return {
        [option.name]: { filename: file.name, base64: btoa(binary), contentType: file.type || undefined },
      };
    },
    clear() {
      input.value = '';
      render();
    },
  };
}
