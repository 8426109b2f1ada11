import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { parseUploadOffThread } from './parse-off-thread';
import type { CensusListScope } from './policy';
import { findSource, type SourceRow } from './sources';
import { mergedMapping, restrictToMunicipalities, type Upload } from './upload';

/** The source named by the upload, or 404 (unknown, another prefecture's, or not the municipality's own). */
export async function sourceOf(deps: Deps, scope: CensusListScope, upload: Upload): Promise<SourceRow> {
  if (!isUuid(upload.unverifiedSourceId)) throw new AppError('not_found');
  const source = await findSource(
    deps.db.systemDb,
    scope.prefectureCode,
    upload.unverifiedSourceId,
    scope.municipalityCodes,
  );
  if (!source) throw new AppError('not_found');
  return source;
}

/**
 * The file parsed with the source's saved mapping under the request's, its issues classified, and — for a
 * municipality's own upload — rows of other municipalities rejected.
 */
export async function readFile(source: SourceRow, upload: Upload, scope: CensusListScope) {
  const mapping = mergedMapping(source.mapping, upload.mapping);
  const parsed = await parseUploadOffThread(upload.fileName, upload.content, mapping, source.prefectureCode);
  const list = restrictToMunicipalities(parsed, scope.municipalityCodes ?? undefined);
  return { mapping, list };
}
