/** Reads a request body: JSON, or multipart with `files[n]` parts and a `payload_json` part. */

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  /** n in `files[n]`: the id that `attachments[].id` refers to. */
  index: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ParsedBody {
  payload: unknown;
  files: UploadedFile[];
  multipart: boolean;
}

export class BodyParseError extends Error {}

export async function parseRequestBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, contentType ?? '');
  if (raw.length === 0) return { payload: undefined, files: [], multipart: false };
  try {
    return { payload: JSON.parse(raw.toString('utf8')) as unknown, files: [], multipart: false };
  } catch {
    throw new BodyParseError('The request body contains invalid JSON.');
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    // The platform's own multipart parser (undici inside Node), fed the raw bytes.
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new BodyParseError('The multipart body could not be parsed.');
  }
  let payload: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') {
        try {
          payload = JSON.parse(value) as unknown;
        } catch {
          throw new BodyParseError('payload_json contains invalid JSON.');
        }
      }
      continue;
    }
    const match = /^files\[(\d+)\]$/.exec(field) ?? /^file(\d*)$/.exec(field);
    files.push({
      field,
      index: match?.[1] || '0',
      filename: value.name || 'file',
      contentType: value.type,
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { payload, files, multipart: true };
}
