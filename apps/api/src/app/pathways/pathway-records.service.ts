import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PathwayEvidence, PathwayNote } from '@relais/api-types';
import { DataSource } from 'typeorm';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { EvidenceDto } from './dto/pathways.dto';
import { sniffMediaType } from './file-type';
import { PathwayEvidenceEntity, PathwayNoteEntity } from './pathway.entities';
import { toEvidence } from './pathway.mapper';

import { PathwaysService } from './pathways.service';

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** What is filed on a pathway: evidence files signed off by HR, and HR-only notes (every read logged). */
@Injectable()
export class PathwayRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly pathways: PathwaysService,
  ) {}

  /** Evidence sent as base64 JSON, its type read from the first bytes, never from the name. */
  async addEvidence(
    user: AuthUser,
    milestoneId: string,
    dto: EvidenceDto,
  ): Promise<PathwayEvidence> {
    const { plan } = await this.pathways.findMilestone(user, milestoneId, true);
    const content = Buffer.from(dto.contentBase64, 'base64');
    if (content.length === 0) refuse('Fichier vide.', 'contentBase64', 'fichier vide');
    if (content.length > MAX_EVIDENCE_BYTES)
      refuse(
        `Fichier trop volumineux : ${(content.length / 1024 / 1024).toFixed(1)} Mo pour 5 Mo au plus.`,
        'contentBase64',
        '5 Mo au plus',
      );
    const mediaType = sniffMediaType(content);
    if (!mediaType)
      refuse(
        'Type de fichier refusé : seuls les PDF, JPEG et PNG sont acceptés (le contenu est vérifié, pas seulement le nom).',
        'contentBase64',
        'ni PDF, ni JPEG, ni PNG',
      );
    const extension = /\.([a-z0-9]+)$/i.exec(dto.fileName)?.[1]?.toLowerCase();
    const expected: Record<string, string[]> = {
      'application/pdf': ['pdf'],
      'image/jpeg': ['jpg', 'jpeg'],
      'image/png': ['png'],
    };
    if (extension && !expected[mediaType].includes(extension))
      refuse(
        `Le fichier « ${dto.fileName} » n’est pas ce que son nom annonce : son contenu est un ${mediaType.split('/')[1].toUpperCase()}.`,
        'fileName',
        'extension et contenu différents',
      );
    const saved = await this.dataSource.transaction(async (manager) => {
      const evidence = await manager.save(
        manager.create(PathwayEvidenceEntity, {
          organisationId: user.organisationId,
          milestoneId,
          fileName: dto.fileName,
          mediaType,
          sizeBytes: content.length,
          content,
          uploadedBy: user.accountId,
          signedOffBy: null,
          signedOffAt: null,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'pathway_evidence.create',
        entity: 'pathway_evidence',
        entityId: evidence.id,
        details: {
          personId: plan.personId,
          fileName: dto.fileName,
          mediaType,
          size: content.length,
        },
      });
      return evidence;
    });
    return toEvidence(saved);
  }

  async evidenceFile(
    user: AuthUser,
    id: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const evidence = await this.dataSource
      .getRepository(PathwayEvidenceEntity)
      .createQueryBuilder('e')
      .addSelect('e.content')
      .where('e.id = :id AND e.organisation_id = :org', { id, org: user.organisationId })
      .getOne();
    if (!evidence) throw new NotFoundException('Pièce introuvable.');
    await this.pathways.findMilestone(user, evidence.milestoneId, true, true);
    return {
      fileName: evidence.fileName,
      mediaType: evidence.mediaType,
      content: evidence.content,
    };
  }

  async signOff(user: AuthUser, id: string): Promise<PathwayEvidence> {
    const evidence = await this.dataSource
      .getRepository(PathwayEvidenceEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!evidence) throw new NotFoundException('Pièce introuvable.');
    if (evidence.signedOffAt) return toEvidence(evidence);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        PathwayEvidenceEntity,
        { id },
        { signedOffBy: user.accountId, signedOffAt: new Date() },
      );
      await this.audit.record(manager, user, {
        action: 'pathway_evidence.sign_off',
        entity: 'pathway_evidence',
        entityId: id,
      });
    });
    return toEvidence(
      await this.dataSource.getRepository(PathwayEvidenceEntity).findOneByOrFail({ id }),
    );
  }

  /** HR-only notes: the read itself is written to the audit log, in the same transaction. */
  async notes(user: AuthUser, personId: string): Promise<PathwayNote[]> {
    const person = await this.pathways.readablePerson(user, personId);
    return this.dataSource.transaction(async (manager) => {
      const notes = await manager.find(PathwayNoteEntity, {
        where: { personId: person.id },
        order: { createdAt: 'DESC' },
      });
      await this.audit.record(manager, user, {
        action: 'pathway_note.read',
        entity: 'person',
        entityId: person.id,
        details: { notes: notes.map((note) => note.id) },
      });
      return notes.map(toNote);
    });
  }

  async addNote(user: AuthUser, personId: string, body: string): Promise<PathwayNote> {
    const person = await this.pathways.readablePerson(user, personId);
    const text = body.trim();
    if (!text) refuse('La note est vide.', 'body', 'ne doit pas être vide');
    return this.dataSource.transaction(async (manager) => {
      const note = await manager.save(
        manager.create(PathwayNoteEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          body: text,
          authorAccountId: user.accountId,
          authorName: `${user.firstName} ${user.lastName}`,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'pathway_note.create',
        entity: 'pathway_note',
        entityId: note.id,
        details: { personId },
      });
      return toNote(note);
    });
  }
}

function toNote(entity: PathwayNoteEntity): PathwayNote {
  return {
    id: entity.id,
    body: entity.body,
    authorName: entity.authorName,
    createdAt: toZonedIso(entity.createdAt),
  };
}
