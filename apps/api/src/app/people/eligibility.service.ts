import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonEligibility } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '../../common/today';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import type { PersonEligibilityDto } from './dto/eligibility.dto';
import { PeopleService } from './people.service';
import { PersonEntity } from './person.entity';

const FIELDS = [
  'birthDate',
  'isPecExtendedCapEligible',
  'isOutOfWorkAtHiring',
  'qpvName',
  'qpvCheckedOn',
  'prefectException',
  'isStudent',
] as const;

function refuse(message: string, field: string, detail: string): never {
  throw new UnprocessableEntityException({ message, details: [{ field, message: detail }] });
}

/**
 * The facts an aided contract's eligibility rests on (see PersonEligibility): read and recorded
 * by HR and admin only (the controller says so), audited with the fields changed.
 */
@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser, personId: string): Promise<PersonEligibility> {
    const person = await this.people.findInOrganisation(user, personId);
    return this.answer(this.dataSource.manager, person);
  }

  async record(
    user: AuthUser,
    personId: string,
    body: PersonEligibilityDto,
  ): Promise<PersonEligibility> {
    const today = todayIn(user.timeZone);
    const qpvName = body.qpvName?.trim() || null;
    const prefectException = body.prefectException?.trim() || null;
    if ((qpvName === null) !== (body.qpvCheckedOn === null)) {
      refuse(
        'Le quartier prioritaire (QPV) se note avec la date de la vérification de la résidence.',
        qpvName === null ? 'qpvName' : 'qpvCheckedOn',
        'le quartier et la date vont ensemble',
      );
    }
    for (const [field, value, what] of [
      ['birthDate', body.birthDate, 'La date de naissance'],
      ['qpvCheckedOn', body.qpvCheckedOn, 'La vérification de la résidence'],
    ] as const) {
      if (value !== null && value > today)
        refuse(
          `${what} ne peut pas être dans le futur (${formatDate(value)}).`,
          field,
          'dans le futur',
        );
    }
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findInOrganisation(user, personId, manager);
      const after = {
        birthDate: body.birthDate,
        isPecExtendedCapEligible: body.isPecExtendedCapEligible,
        isOutOfWorkAtHiring: body.isOutOfWorkAtHiring,
        qpvName,
        qpvCheckedOn: body.qpvCheckedOn,
        prefectException,
        isStudent: body.isStudent === undefined ? person.isStudent : body.isStudent,
      };
      const changed = FIELDS.filter((field) => after[field] !== person[field]);
      if (changed.length > 0) {
        await manager.update(
          PersonEntity,
          { id: person.id },
          { ...after, eligibilityRecordedBy: user.accountId, eligibilityRecordedAt: new Date() },
        );
        // Which facts changed, never their values: the audit trail has more readers than HR.
        await this.audit.record(manager, user, {
          action: 'person.eligibility',
          entity: 'person',
          entityId: person.id,
          details: { changed: [...changed] },
        });
      }
      const saved = await manager.findOneByOrFail(PersonEntity, { id: person.id });
      return this.answer(manager, saved);
    });
  }

  private async answer(manager: EntityManager, person: PersonEntity): Promise<PersonEligibility> {
    const [recorder]: { name: string }[] = person.eligibilityRecordedBy
      ? await manager.query(
          `SELECT p.first_name || ' ' || p.last_name AS name
             FROM account a JOIN person p ON p.id = a.person_id WHERE a.id = $1`,
          [person.eligibilityRecordedBy],
        )
      : [];
    return {
      birthDate: person.birthDate,
      isPecExtendedCapEligible: person.isPecExtendedCapEligible,
      isOutOfWorkAtHiring: person.isOutOfWorkAtHiring,
      qpvName: person.qpvName,
      qpvCheckedOn: person.qpvCheckedOn,
      prefectException: person.prefectException,
      isStudent: person.isStudent,
      recorded: person.eligibilityRecordedAt
        ? { at: person.eligibilityRecordedAt.toISOString(), byName: recorder?.name ?? null }
        : null,
    };
  }
}
