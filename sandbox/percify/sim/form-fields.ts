import { invalidRequest } from './errors.js';
import type { UploadForm, UploadedFile } from './multipart.js';

/** Narrowing helpers for upload forms, the multipart counterpart of validate.ts. */

export function formText(form: UploadForm, field: string, max = 1000): string | undefined {
  const value = form.fields.get(field)?.trim();
  if (value === undefined || value === '') return undefined;
  if (value.length > max) throw invalidRequest(field, `must be at most ${max} characters`);
  return value;
}

export function requiredFormText(form: UploadForm, field: string, max = 1000): string {
  const value = formText(form, field, max);
  if (value === undefined) throw invalidRequest(field, 'is required');
  return value;
}

/** The first of `names` sent as a file; a name sent as a text field does not count. */
export function formFile(form: UploadForm, names: readonly string[]): UploadedFile {
  for (const name of names) {
    const file = form.files.get(name);
    if (file) return file;
  }
  throw invalidRequest(names[0] ?? 'file', 'is required (a file part)');
}
