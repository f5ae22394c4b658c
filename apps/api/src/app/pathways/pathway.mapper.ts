import type { PathwayEvidence } from '@relais/api-types';
import { toZonedIso } from '../../common/instant';
import { PathwayEvidenceEntity } from './pathway.entities';

/** An evidence file as the API shows it (never its content). */
export function toEvidence(entity: PathwayEvidenceEntity): PathwayEvidence {
  return {
    id: entity.id,
    fileName: entity.fileName,
    mediaType: entity.mediaType,
    sizeBytes: entity.sizeBytes,
    uploadedAt: toZonedIso(entity.uploadedAt),
    signedOffAt: entity.signedOffAt ? toZonedIso(entity.signedOffAt) : null,
    signedOffBy: entity.signedOffBy,
  };
}
