import type { FileKind, FileType } from '../../shared/vocab/files';

/**
 * What each kind of file may be and how large (decision 0025). A type not listed for a kind is refused by
 * its name before a byte is stored, and by its content once the first bytes arrive. Videos take the
 * configured limit (`LEARNING_MEDIA_MAX_BYTES`, default 2 GiB); everything else has a fixed one.
 */

const MiB = 1024 * 1024;
const DOCUMENTS: FileType[] = ['pdf', 'docx', 'xlsx', 'text', 'csv', 'png', 'jpeg'];

export const ACCEPTED: Record<FileKind, { types: readonly FileType[]; maxBytes: number | 'video' }> = {
  library: { types: [...DOCUMENTS, 'mp4', 'webm', 'vtt'], maxBytes: 50 * MiB },
  meeting_material: { types: DOCUMENTS, maxBytes: 50 * MiB },
  lesson_video: { types: ['mp4', 'webm'], maxBytes: 'video' },
  lesson_captions: { types: ['vtt'], maxBytes: 4 * MiB },
  lesson_document: { types: ['pdf'], maxBytes: 100 * MiB },
  plan_format: { types: ['pdf', 'docx', 'xlsx'], maxBytes: 20 * MiB },
  public_site: { types: ['pdf', 'png', 'jpeg'], maxBytes: 20 * MiB },
  good_practice: { types: ['pdf', 'png', 'jpeg', 'docx'], maxBytes: 20 * MiB },
  survey: { types: ['pdf', 'png', 'jpeg', 'xlsx', 'csv'], maxBytes: 20 * MiB },
};

const VIDEO: ReadonlySet<FileType> = new Set(['mp4', 'webm']);

/** The largest file of `type` a `kind` keeps: videos the configured video limit, captions 4 MiB. */
export function maxBytesFor(kind: FileKind, type: FileType, videoMaxBytes: number): number {
  if (type === 'vtt') return 4 * MiB;
  const rule = ACCEPTED[kind].maxBytes;
  if (VIDEO.has(type)) return videoMaxBytes;
  return rule === 'video' ? videoMaxBytes : rule;
}

export function accepts(kind: FileKind, type: FileType): boolean {
  return ACCEPTED[kind].types.includes(type);
}
