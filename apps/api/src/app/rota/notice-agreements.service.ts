import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NoticeAgreementResult } from '@relais/api-types';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { NoticeAgreementEntity } from './notice-agreement.entity';
import { agreementKey, pendingChanges } from './site-week/schedule-changes';
import { SiteWeekLoader } from './site-week/site-week.loader';

/**
 * A part-timer's written agreement to the changes of their published week: no notice is owed for
 * a change the person agreed to (Cass. soc. 9 nov. 2016, on L3123-31 / L3123-24), so
 * PART_TIME_NOTICE no longer blocks it. Recorded with who recorded it and when, and audited.
 */
@Injectable()
export class NoticeAgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly loader: SiteWeekLoader,
  ) {}

  async record(
    user: AuthUser,
    body: { siteId: string; week: string; personId: string; reference: string },
  ): Promise<NoticeAgreementResult> {
    this.access.requireSite(user, body.siteId, 'write');
    const reference = body.reference.trim();
    if (reference.length === 0) {
      throw new UnprocessableEntityException({
        message: 'Accord écrit refusé : indiquez comment la personne a donné son accord.',
        details: [{ field: 'reference', message: 'obligatoire' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const siteWeek = await this.loader.lockSiteWeek(
        manager,
        user.organisationId,
        body.siteId,
        body.week,
      );
      const loaded = await this.loader.load(manager, user, body.siteId, body.week, true);
      if (!loaded.publication) {
        throw new UnprocessableEntityException({
          message:
            'Semaine jamais publiée : aucun délai de prévenance n’est dû, il n’y a pas d’accord à enregistrer.',
          details: [{ field: 'week', message: 'semaine jamais publiée' }],
        });
      }
      const pending = pendingChanges(
        loaded.publication.shifts,
        loaded.shifts,
        loaded.settings.timeZone,
      ).filter((change) => change.personId === body.personId);
      if (pending.length === 0) {
        throw new UnprocessableEntityException({
          message:
            'Aucune modification des créneaux publiés de cette personne cette semaine : il n’y a pas d’accord à enregistrer.',
          details: [{ field: 'personId', message: 'aucune modification à couvrir' }],
        });
      }
      const known = new Set(
        (await this.loader.noticeAgreements(manager, siteWeek.id)).map(agreementKey),
      );
      const fresh = pending.filter((change) => !known.has(agreementKey(change)));
      const repository = manager.getRepository(NoticeAgreementEntity);
      const saved = await repository.save(
        fresh.map((change) =>
          repository.create({
            organisationId: user.organisationId,
            siteWeekId: siteWeek.id,
            personId: change.personId,
            shiftId: change.shiftId,
            schedule: change.schedule,
            reference,
            recordedBy: user.accountId,
          }),
        ),
      );
      const recordedAt = saved[0]?.recordedAt ?? new Date();
      await this.audit.record(manager, user, {
        action: 'rota.notice_agreement',
        entity: 'site_week',
        entityId: siteWeek.id,
        details: {
          siteId: body.siteId,
          week: body.week,
          personId: body.personId,
          reference,
          changes: pending.map((change) => ({
            shiftId: change.shiftId,
            kind: change.kind,
            firstAffectedDay: change.firstAffectedDay,
          })),
        },
      });
      return {
        siteId: body.siteId,
        week: body.week,
        personId: body.personId,
        changeCount: pending.length,
        recordedAt: recordedAt.toISOString(),
      };
    });
  }
}
