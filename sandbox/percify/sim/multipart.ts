import { Response } from 'undici';
import { ApiError } from './errors.js';

/** One uploaded file of a `multipart/form-data` body. */
export interface UploadedFile {
  filename: string;
  /** What the client declared; only informative, routes check the bytes themselves. */
  contentType: string;
  bytes: Buffer;
}

/** A parsed `multipart/form-data` body: text fields and files, first value of each name. */
export interface UploadForm {
  fields: ReadonlyMap<string, string>;
  files: ReadonlyMap<string, UploadedFile>;
}

export const isMultipart = (contentType: string | undefined): boolean =>
  /^multipart\/form-data\s*(;|$)/i.test(contentType ?? '');

/**
 * Parses a buffered multipart body with undici's own form parser (already a dependency of the bot),
 * so the simulator reads boundaries and part headers the way real HTTP stacks do. A body undici
 * cannot read is the client's fault: 400, never 500.
 */
export async function parseMultipart(contentType: string, bytes: Buffer): Promise<UploadForm> {
  let form: Awaited<ReturnType<Response['formData']>>;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ApiError(400, 'invalid_request', 'Request body is not valid multipart/form-data');
  }
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      if (!fields.has(name)) fields.set(name, value);
    } else if (!files.has(name)) {
      files.set(name, {
        filename: value.name,
        contentType: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { fields, files };
}

/** The form of a route that only takes uploads; a JSON body there is a client mistake. */
export function requireForm(form: UploadForm | undefined): UploadForm {
  if (!form) throw new ApiError(400, 'invalid_request', 'Request body must be multipart/form-data');
  return form;
}
