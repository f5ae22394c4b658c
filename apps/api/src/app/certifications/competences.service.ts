import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASSESSMENT_STAGE_LABELS,
  COMPETENCE_LEVEL_LABELS,
  COMPETENCES,
  type CompetenceAssessment,
  type CompetenceRating,
  type ContractCompetences,
  type PersonCompetences,
} from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PersonEntity } from '../people/person.entity';
import { CompetenceAssessmentEntity } from './certification.entities';
import { invalid } from './certifications.service';
import type { CompetenceAssessmentDto } from './dto/certifications.dto';

interface ContractRow {
  id: string;
  person_id: string;
  type: string;
  start_date: string;
  end_date: string | null;
  tutor_id: string | null;
  tutor_name: string | null;
}

const CONTRACT_SELECT = `SELECT c.id, c.person_id, c.type, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
  to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.tutor_id, t.first_name || ' ' || t.last_name AS tutor_name
  FROM contract c LEFT JOIN person t ON t.id = c.tutor_id`;

/**
 * The competence framework assessed at entry, midpoint and exit of each contract by its tutor:
 * recorded by HR or admin (naming the tutor), or by the tutor for their tutees; read by whoever
 * reads the pathway, and by the tutor. One row per contract and stage, corrected in place.
 */
@Injectable()
export class CompetencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser, personId: string): Promise<PersonCompetences> {
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id: personId, organisationId: user.organisationId });
    if (!person) throw new NotFoundException('Personne introuvable.');
    const contracts: ContractRow[] = await this.dataSource.query(
      `${CONTRACT_SELECT} WHERE c.person_id = $1 ORDER BY c.start_date DESC`,
      [person.id],
    );
    const isTutor = contracts.some((contract) => contract.tutor_id === user.personId);
    if (!isTutor)
      this.access.requireReadPerson(
        user,
        person,
        'Ce parcours ne fait pas partie de votre périmètre.',
      );
    return this.answer(this.dataSource.manager, user, person.id, contracts);
  }

  async record(
    user: AuthUser,
    contractId: string,
    body: CompetenceAssessmentDto,
  ): Promise<PersonCompetences> {
    const today = todayIn(user.timeZone);
    const [contract]: ContractRow[] = await this.dataSource.query(
      `${CONTRACT_SELECT} WHERE c.id = $1 AND c.organisation_id = $2`,
      [contractId, user.organisationId],
    );
    if (!contract) throw new NotFoundException('Contrat introuvable.');
    const isHr = this.access.isOrganisationWide(user.role);
    if (!isHr && contract.tutor_id !== user.personId)
      throw new ForbiddenException(
        'Seuls les RH ou le tuteur désigné sur ce contrat enregistrent l’évaluation des compétences.',
      );
    const ratings = this.requireRatings(body.ratings);
    if (body.assessedOn > today)
      invalid(
        `Une évaluation se note une fois faite : le ${formatDate(body.assessedOn)} est dans le futur.`,
        'assessedOn',
        'date future',
      );
    if (body.assessedOn < contract.start_date)
      refuse(
        `L’évaluation ne peut précéder le début du contrat (${formatDate(contract.start_date)}).`,
        'assessedOn',
        'avant le contrat',
      );
    if (contract.end_date && body.assessedOn > contract.end_date)
      refuse(
        `L’évaluation ne peut suivre la fin du contrat (${formatDate(contract.end_date)}).`,
        'assessedOn',
        'après le contrat',
      );
    const assessorId = await this.assessor(user, contract, body.assessorId ?? null);
    const note = body.note?.trim() || null;
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(CompetenceAssessmentEntity, {
        where: { contractId: contract.id, stage: body.stage },
        lock: { mode: 'pessimistic_write' },
      });
      const after = { assessedOn: body.assessedOn, assessorId, ratings, note };
      let id: string;
      if (existing) {
        id = existing.id;
        await manager.update(
          CompetenceAssessmentEntity,
          { id },
          { ...after, recordedBy: user.accountId, updatedAt: new Date() },
        );
      } else {
        const saved = await manager.save(
          manager.create(CompetenceAssessmentEntity, {
            organisationId: user.organisationId,
            contractId: contract.id,
            personId: contract.person_id,
            stage: body.stage,
            ...after,
            recordedBy: user.accountId,
          }),
        );
        id = saved.id;
      }
      await this.audit.record(manager, user, {
        action: existing ? 'competence_assessment.update' : 'competence_assessment.create',
        entity: 'competence_assessment',
        entityId: id,
        details: {
          personId: contract.person_id,
          contractId: contract.id,
          stage: body.stage,
          before: existing
            ? {
                assessedOn: existing.assessedOn,
                assessorId: existing.assessorId,
                ratings: existing.ratings,
              }
            : null,
          after: { assessedOn: body.assessedOn, assessorId, ratings },
        },
      });
      const contracts: ContractRow[] = await manager.query(
        `${CONTRACT_SELECT} WHERE c.person_id = $1 ORDER BY c.start_date DESC`,
        [contract.person_id],
      );
      return this.answer(manager, user, contract.person_id, contracts);
    });
  }

  /** Every competence of the framework, each once, in the framework's order. */
  private requireRatings(ratings: CompetenceRating[]): CompetenceRating[] {
    const seen = new Set<string>();
    for (const rating of ratings) {
      if (seen.has(rating.code))
        invalid(
          `La compétence ${rating.code} est évaluée deux fois.`,
          'ratings',
          'compétence en double',
        );
      seen.add(rating.code);
    }
    const missing = COMPETENCES.filter((competence) => !seen.has(competence.code));
    if (missing.length)
      invalid(
        `Évaluez chaque compétence du référentiel : il manque ${missing.map((c) => `${c.code} (${c.label})`).join(', ')}.`,
        'ratings',
        'compétence non évaluée',
      );
    return COMPETENCES.map((competence) => ({
      code: competence.code,
      level: ratings.find((rating) => rating.code === competence.code)?.level ?? 'NON_ACQUIS',
    }));
  }

  /** The contract's tutor assesses; with no tutor on the contract, HR names the assessor. */
  private async assessor(
    user: AuthUser,
    contract: ContractRow,
    named: string | null,
  ): Promise<string> {
    if (contract.tutor_id) {
      if (named && named !== contract.tutor_id)
        refuse(
          `L’évaluateur est le tuteur désigné sur le contrat (${contract.tutor_name}) : changez le tuteur sur le contrat s’il le faut.`,
          'assessorId',
          'autre que le tuteur du contrat',
        );
      return contract.tutor_id;
    }
    if (!named)
      refuse(
        'Ce contrat n’a pas de tuteur désigné : nommez l’évaluateur, ou désignez le tuteur sur le contrat.',
        'assessorId',
        'évaluateur à nommer',
      );
    if (named === contract.person_id)
      refuse(
        'Une personne n’évalue pas ses propres compétences : nommez son tuteur ou son référent.',
        'assessorId',
        'la personne évaluée',
      );
    const [found]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM person WHERE id = $1 AND organisation_id = $2`,
      [named, user.organisationId],
    );
    if (!found) refuse('Évaluateur introuvable dans l’association.', 'assessorId', 'inconnu');
    return named;
  }

  private async answer(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
    contracts: ContractRow[],
  ): Promise<PersonCompetences> {
    const rows: {
      id: string;
      contract_id: string;
      stage: CompetenceAssessment['stage'];
      assessed_on: string;
      assessor_id: string | null;
      assessor_name: string | null;
      ratings: CompetenceRating[];
      note: string | null;
      updated_at: Date;
    }[] = await manager.query(
      `SELECT a.id, a.contract_id, a.stage, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on, a.assessor_id,
              p.first_name || ' ' || p.last_name AS assessor_name, a.ratings, a.note, a.updated_at
         FROM competence_assessment a LEFT JOIN person p ON p.id = a.assessor_id
        WHERE a.person_id = $1
        ORDER BY array_position(ARRAY['ENTREE', 'MI_PARCOURS', 'SORTIE'], a.stage)`,
      [personId],
    );
    const isHr = this.access.isOrganisationWide(user.role);
    return {
      personId,
      contracts: contracts.map(
        (contract): ContractCompetences => ({
          contractId: contract.id,
          contractType: contract.type,
          start: contract.start_date,
          end: contract.end_date,
          tutorId: contract.tutor_id,
          tutorName: contract.tutor_name,
          canRecord: isHr || (contract.tutor_id !== null && contract.tutor_id === user.personId),
          assessments: rows
            .filter((row) => row.contract_id === contract.id)
            .map((row) => ({
              id: row.id,
              stage: row.stage,
              stageLabel: ASSESSMENT_STAGE_LABELS[row.stage],
              assessedOn: row.assessed_on,
              assessorId: row.assessor_id,
              assessorName: row.assessor_name ?? 'Évaluateur effacé',
              ratings: row.ratings.map((rating) => ({
                ...rating,
                label: COMPETENCES.find((c) => c.code === rating.code)?.label ?? rating.code,
                levelLabel: COMPETENCE_LEVEL_LABELS[rating.level],
              })),
              note: row.note,
              updatedAt: row.updated_at.toISOString(),
            })),
        }),
      ),
    };
  }
}
