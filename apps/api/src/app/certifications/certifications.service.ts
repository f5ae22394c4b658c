import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BLOCK_STATE_LABELS,
  CERTIFICATION_TITLES,
  certificationTitle,
  TITLE_STATE_LABELS,
  type BlockState,
  type CertificationBlockProgress,
  type CertificationResult,
  type CertificationRoute,
  type CertificationSession,
  type CertificationTitleDefinition,
  type CertificationTitleProgress,
  type PersonCertifications,
  type TitleState,
} from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PathwaysService } from '../pathways/pathways.service';
import { obtainedBlocks, syncExitCertifications, type ObtainedBlock } from './certification-facts';
import {
  CertificationBlockTrainingEntity,
  CertificationSessionEntity,
} from './certification.entities';
import type { BlockTrainingDto, CertificationSessionDto } from './dto/certifications.dto';

/** A 400 naming the field: the request names something the catalogue does not have. */
export function invalid(message: string, field: string, detail: string): never {
  throw new BadRequestException({ message, details: [{ field, message: detail }] });
}

interface SessionRow {
  id: string;
  title_code: string;
  block_codes: string[];
  route: CertificationRoute;
  held_on: string;
  result: CertificationResult;
  note: string | null;
  created_at: Date;
  recorder: string | null;
}

interface TrainingRow {
  title_code: string;
  block_code: string;
  hours: string;
  module: string | null;
}

/**
 * The professional titles a person prepares, block by block: sessions (exam or VAE jury) recorded
 * by HR, the training hours toward each block, and the states derived from them. Nobody ticks a
 * block or a title as obtained: only a session with the result "admis" does.
 */
@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly pathways: PathwaysService,
  ) {}

  async get(user: AuthUser, personId: string): Promise<PersonCertifications> {
    const person = await this.pathways.readablePerson(user, personId);
    return this.answer(this.dataSource.manager, user, person.id);
  }

  async recordSession(
    user: AuthUser,
    personId: string,
    body: CertificationSessionDto,
  ): Promise<PersonCertifications> {
    const today = todayIn(user.timeZone);
    const title = this.titleOf(body.titleCode);
    this.requireBlocks(title, body.blockCodes, 'blockCodes');
    if (body.heldOn > today)
      invalid(
        `Un résultat ne se note qu’une fois la session passée : le ${formatDate(body.heldOn)} est dans le futur.`,
        'heldOn',
        'date future',
      );
    const note = body.note?.trim() || null;
    const person = await this.pathways.readablePerson(user, personId);
    return this.dataSource.transaction(async (manager) => {
      // One writer at a time per person: two sessions recorded together cannot both obtain a block.
      await manager.query(`SELECT id FROM person WHERE id = $1 FOR UPDATE`, [person.id]);
      await this.requireWithinPathway(manager, person.id, body.heldOn, 'heldOn');
      const obtained = (await obtainedBlocks(manager, person.id)).filter(
        (block) => block.titleCode === title.code && body.blockCodes.includes(block.blockCode),
      );
      const blocking = obtained.filter(
        (block) => body.result === 'ADMIS' || block.on <= body.heldOn,
      );
      if (blocking.length)
        throw new ConflictException({
          message: `${blocking
            .map(
              (block) =>
                `${block.blockCode} du ${title.shortLabel} est déjà obtenu (le ${formatDate(block.on)})`,
            )
            .join(' ; ')} : un bloc s’obtient une fois, et ne se repasse pas ensuite.`,
          details: [{ field: 'blockCodes', message: 'bloc déjà obtenu' }],
        });
      const saved = await manager.save(
        manager.create(CertificationSessionEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          titleCode: title.code,
          blockCodes: this.ordered(title, body.blockCodes),
          route: body.route,
          heldOn: body.heldOn,
          result: body.result,
          note,
          recordedBy: user.accountId,
        }),
      );
      await syncExitCertifications(manager, person.id);
      await this.pathways.syncFacts(manager, user.organisationId, person.id, today);
      await this.audit.record(manager, user, {
        action: 'certification_session.create',
        entity: 'certification_session',
        entityId: saved.id,
        details: {
          personId: person.id,
          titleCode: title.code,
          blockCodes: saved.blockCodes,
          route: body.route,
          heldOn: body.heldOn,
          result: body.result,
        },
      });
      return this.answer(manager, user, person.id);
    });
  }

  async recordTraining(
    user: AuthUser,
    personId: string,
    body: BlockTrainingDto,
  ): Promise<PersonCertifications> {
    const title = this.titleOf(body.titleCode);
    this.requireBlocks(title, [body.blockCode], 'blockCode');
    const person = await this.pathways.readablePerson(user, personId);
    return this.dataSource.transaction(async (manager) => {
      const trainingRecordId = body.trainingRecordId ?? null;
      if (trainingRecordId) {
        const [record]: { id: string }[] = await manager.query(
          `SELECT id FROM training_record WHERE id = $1 AND person_id = $2`,
          [trainingRecordId, person.id],
        );
        if (!record)
          refuse(
            'Cette formation validée n’est pas dans le parcours de cette personne.',
            'trainingRecordId',
            'formation d’une autre personne ou inconnue',
          );
      }
      const before = await manager.findOne(CertificationBlockTrainingEntity, {
        where: { personId: person.id, titleCode: title.code, blockCode: body.blockCode },
        lock: { mode: 'pessimistic_write' },
      });
      const after = { hours: body.hours, trainingRecordId };
      if (before)
        await manager.update(
          CertificationBlockTrainingEntity,
          { id: before.id },
          { ...after, recordedBy: user.accountId },
        );
      else
        await manager.insert(CertificationBlockTrainingEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          titleCode: title.code,
          blockCode: body.blockCode,
          ...after,
          recordedBy: user.accountId,
        });
      await this.audit.record(manager, user, {
        action: 'certification_training.record',
        entity: 'person',
        entityId: person.id,
        details: {
          titleCode: title.code,
          blockCode: body.blockCode,
          before: before
            ? { hours: before.hours, trainingRecordId: before.trainingRecordId }
            : null,
          after,
        },
      });
      return this.answer(manager, user, person.id);
    });
  }

  private titleOf(code: string): CertificationTitleDefinition {
    const title = certificationTitle(code);
    if (!title)
      invalid(
        `Titre inconnu : ${code}. Titres suivis : ${CERTIFICATION_TITLES.map((t) => t.code).join(', ')}.`,
        'titleCode',
        'titre inconnu',
      );
    return title;
  }

  private requireBlocks(title: CertificationTitleDefinition, codes: string[], field: string): void {
    const unknown = codes.filter((code) => !title.blocks.some((block) => block.code === code));
    if (unknown.length)
      invalid(
        `Bloc inconnu du ${title.shortLabel} : ${unknown.join(', ')} (blocs : ${title.blocks.map((b) => b.code).join(', ')}).`,
        field,
        'bloc inconnu de ce titre',
      );
  }

  private ordered(title: CertificationTitleDefinition, codes: string[]): string[] {
    return title.blocks.map((block) => block.code).filter((code) => codes.includes(code));
  }

  /**
   * A result belongs to the pathway at the association: not before the person's first contract
   * (a block obtained elsewhere before is no outcome of this pathway, and is not counted on exit).
   */
  private async requireWithinPathway(
    manager: EntityManager,
    personId: string,
    day: string,
    field: string,
  ): Promise<void> {
    const [first]: { start: string | null }[] = await manager.query(
      `SELECT to_char(min(start_date), 'YYYY-MM-DD') AS start FROM contract WHERE person_id = $1`,
      [personId],
    );
    if (!first?.start)
      refuse(
        'Cette personne n’a pas de contrat : un résultat de certification se note dans un parcours.',
        field,
        'aucun contrat',
      );
    if (day < first.start)
      refuse(
        `Le parcours commence le ${formatDate(first.start)} (premier contrat) : un résultat du ${formatDate(day)} lui est antérieur.`,
        field,
        'avant le premier contrat',
      );
  }

  private async answer(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
  ): Promise<PersonCertifications> {
    const sessions: SessionRow[] = await manager.query(
      `SELECT s.id, s.title_code, s.block_codes, s.route, to_char(s.held_on, 'YYYY-MM-DD') AS held_on,
              s.result, s.note, s.created_at, p.first_name || ' ' || p.last_name AS recorder
         FROM certification_session s
         LEFT JOIN account a ON a.id = s.recorded_by LEFT JOIN person p ON p.id = a.person_id
        WHERE s.person_id = $1 ORDER BY s.held_on DESC, s.created_at DESC`,
      [personId],
    );
    const training: TrainingRow[] = await manager.query(
      `SELECT t.title_code, t.block_code, t.hours, m.code || ' ' || m.title AS module
         FROM certification_block_training t
         LEFT JOIN training_record r ON r.id = t.training_record_id
         LEFT JOIN training_module m ON m.id = r.module_id
        WHERE t.person_id = $1`,
      [personId],
    );
    const obtained = await obtainedBlocks(manager, personId);
    return {
      personId,
      canRecord: this.access.isOrganisationWide(user.role),
      titles: CERTIFICATION_TITLES.map((title) =>
        progress(
          title,
          sessions.filter((s) => s.title_code === title.code),
          training.filter((t) => t.title_code === title.code),
          obtained.filter((o) => o.titleCode === title.code),
        ),
      ),
    };
  }
}

function progress(
  title: CertificationTitleDefinition,
  sessions: SessionRow[],
  training: TrainingRow[],
  obtained: ObtainedBlock[],
): CertificationTitleProgress {
  const blocks: CertificationBlockProgress[] = title.blocks.map((block) => {
    const passed = obtained.find((o) => o.blockCode === block.code);
    const hours = training.find((t) => t.block_code === block.code);
    const tried = sessions.filter((s) => s.block_codes.includes(block.code));
    const state: BlockState = passed
      ? 'OBTENU'
      : tried.some((s) => s.result === 'AJOURNE')
        ? 'PRESENTE'
        : (hours && Number(hours.hours) > 0) || tried.length
          ? 'EN_FORMATION'
          : 'NON_COMMENCE';
    return {
      code: block.code,
      label: block.label,
      state,
      stateLabel: BLOCK_STATE_LABELS[state],
      trainingHours: hours ? Number(hours.hours) : 0,
      trainingModule: hours?.module ?? null,
      obtainedOn: passed?.on ?? null,
      obtainedBy: passed?.route ?? null,
    };
  });
  const isComplete = blocks.every((block) => block.state === 'OBTENU');
  const state: TitleState = isComplete
    ? 'OBTENU'
    : blocks.some((block) => block.state !== 'NON_COMMENCE')
      ? 'EN_COURS'
      : 'NON_COMMENCE';
  return {
    code: title.code,
    shortLabel: title.shortLabel,
    label: title.label,
    rncp: title.rncp,
    level: title.level,
    state,
    stateLabel: TITLE_STATE_LABELS[state],
    obtainedOn: isComplete
      ? (blocks
          .map((block) => block.obtainedOn as string)
          .sort()
          .at(-1) ?? null)
      : null,
    blocks,
    sessions: sessions.map(
      (row): CertificationSession => ({
        id: row.id,
        titleCode: row.title_code,
        blockCodes: row.block_codes,
        route: row.route,
        heldOn: row.held_on,
        result: row.result,
        note: row.note,
        recordedAt: row.created_at.toISOString(),
        recordedByName: row.recorder,
      }),
    ),
  };
}
