import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublishResult } from '@relais/api-types';
import { formatWeek, isRuleCode, RULE_CATALOGUE } from '@relais/rules';
import { DataSource } from 'typeorm';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RotaPublicationEntity } from './rota-publication.entity';
import { differs } from './rota.mapper';
import { RotaService } from './rota.service';
import { SiteWeekEntity } from './site-week.entity';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** Publishing a site-week: a new version kept whole, the people it touches told. */
@Injectable()
export class RotaPublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly loader: SiteWeekLoader,
    private readonly rota: RotaService,
  ) {}

  async publish(
    user: AuthUser,
    siteId: string,
    week: string,
    justification: string | null,
  ): Promise<PublishResult> {
    this.access.requireSite(user, siteId, 'write');
    return this.dataSource.transaction(async (manager) => {
      const siteWeek = await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
      const loaded = await this.loader.load(manager, user, siteId, week, true);
      const rota = await this.rota.build(manager, user, loaded, week);
      const blocking = rota.violations.filter((violation) => violation.severity === 'block');
      if (blocking.length > 0) {
        throw new UnprocessableEntityException({
          message: `Publication refusée : ${blocking.length} contrôle(s) bloquant(s) à corriger.`,
          details: { violations: blocking },
          violations: blocking,
        });
      }
      // A warning is published only with a justification, kept with the version (rules.md).
      const toJustify = rota.violations.filter((violation) => violation.severity === 'warn');
      if (toJustify.length > 0 && !justification?.trim()) {
        const names = new Map(rota.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
        const points = [
          ...new Set(
            toJustify.map((violation) => {
              const label = isRuleCode(violation.rule)
                ? RULE_CATALOGUE[violation.rule].label
                : violation.rule;
              const who = violation.personId ? names.get(violation.personId) : null;
              return who ? `${label} (${who})` : label;
            }),
          ),
        ];
        throw new UnprocessableEntityException({
          message: `Justification obligatoire pour publier : ${points.length} point(s) à justifier — ${points.join(', ')}.`,
          details: [{ field: 'justification', message: `obligatoire : ${points.join(', ')}` }],
        });
      }
      const previous = new Map(
        (loaded.publication?.shifts ?? []).map((shift) => [shift.id, shift]),
      );
      const current = rota.shifts;
      const touched = new Set<string>();
      for (const shift of current) {
        if (differs(shift, previous.get(shift.id))) {
          if (shift.personId) touched.add(shift.personId);
          const before = previous.get(shift.id)?.personId;
          if (before) touched.add(before);
        }
      }
      for (const [id, shift] of previous) {
        if (!current.some((other) => other.id === id) && shift.personId)
          touched.add(shift.personId);
      }
      const version = siteWeek.version + 1;
      const publishedAt = new Date();
      const snapshot = current.map((shift) => ({ ...shift, isChangedSincePublication: false }));
      await manager.save(
        manager.create(RotaPublicationEntity, {
          organisationId: user.organisationId,
          siteWeekId: siteWeek.id,
          version,
          publishedBy: user.accountId,
          shifts: snapshot,
          justification,
        }),
      );
      await manager.update(
        SiteWeekEntity,
        { id: siteWeek.id },
        { status: 'published', version, publishedAt, publishedBy: user.accountId },
      );
      const warnings = rota.violations.filter((violation) => violation.severity === 'warn');
      await this.audit.record(manager, user, {
        action: 'rota.publish',
        entity: 'site_week',
        entityId: siteWeek.id,
        details: {
          siteId,
          week,
          version,
          shifts: snapshot.length,
          notified: [...touched],
          warnings: warnings.map((w) => w.rule),
          justification,
        },
      });
      const thisYear = Number(todayIn(user.timeZone).slice(0, 4));
      await this.notifications.notify(
        manager,
        [...touched],
        'rota_published',
        `Planning de la ${formatWeek(week, thisYear)} publié`,
        `Vos créneaux de la ${formatWeek(week, thisYear)} ont changé : consultez votre semaine.`,
        '/ma-semaine',
      );
      return {
        siteId,
        week,
        version,
        publishedAt: publishedAt.toISOString(),
        notifiedPersonIds: [...touched],
      };
    });
  }
}
