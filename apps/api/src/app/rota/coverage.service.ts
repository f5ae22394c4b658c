import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CoverageRequirement } from '@relais/api-types';
import { DataSource } from 'typeorm';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { LocationEntity } from '../organisation/location.entity';
import { CoverageRequirementEntity } from './coverage-requirement.entity';
import { CreateCampaignDto, CreateRequirementDto } from './dto/coverage.dto';
import { OutreachCampaignEntity } from './outreach-campaign.entity';
import { toRequirement } from './site-week/site-week.loader';

export interface Campaign {
  id: string;
  locationId: string;
  partner: string;
  estate: string;
  start: string;
  end: string;
  pattern: { weekday: number; startTime: string; endTime: string }[];
  requirements: CoverageRequirement[];
}

@Injectable()
export class CoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async createRequirement(user: AuthUser, dto: CreateRequirementDto): Promise<CoverageRequirement> {
    const location = await this.location(user, dto.locationId);
    if (dto.endTime <= dto.startTime)
      refuse('L’heure de fin précède celle de début.', 'endTime', 'doit suivre l’heure de début');
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(CoverageRequirementEntity, {
          organisationId: user.organisationId,
          locationId: location.id,
          weekday: dto.weekday,
          startTime: dto.startTime,
          endTime: dto.endTime,
          minStaff: dto.minStaff,
          requiredSkill: dto.requiredSkill ?? null,
          activity: dto.activity ?? null,
          isPair: dto.isPair ?? false,
          campaignId: null,
          validFrom: null,
          validUntil: null,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'coverage.create',
        entity: 'coverage_requirement',
        entityId: saved.id,
        details: { siteId: location.siteId, locationId: location.id },
      });
      return toRequirement(saved);
    });
  }

  /** Records a landlord's outreach order and the pair requirements it creates for its period. */
  async createCampaign(user: AuthUser, dto: CreateCampaignDto): Promise<Campaign> {
    const location = await this.location(user, dto.locationId);
    if (location.kind !== 'outreach')
      refuse(
        'Une campagne de médiation sortante se tient sur un lieu de type « médiation sortante ».',
        'locationId',
        'lieu de médiation sortante attendu',
      );
    if (dto.end < dto.start)
      refuse('La fin de la campagne précède son début.', 'end', 'doit suivre le début');
    dto.pattern.forEach((slot, index) => {
      if (slot.endTime <= slot.startTime)
        refuse(
          'Un créneau de la campagne finit avant de commencer.',
          `pattern.${index}.endTime`,
          'doit suivre l’heure de début',
        );
    });
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager.save(
        manager.create(OutreachCampaignEntity, {
          organisationId: user.organisationId,
          locationId: location.id,
          partner: dto.partner.trim(),
          estate: dto.estate.trim(),
          startDate: dto.start,
          endDate: dto.end,
          pattern: dto.pattern.map((slot) => ({
            weekday: slot.weekday,
            startTime: slot.startTime,
            endTime: slot.endTime,
          })),
        }),
      );
      const requirements = await manager.save(
        dto.pattern.map((slot) =>
          manager.create(CoverageRequirementEntity, {
            organisationId: user.organisationId,
            locationId: location.id,
            weekday: slot.weekday,
            startTime: slot.startTime,
            endTime: slot.endTime,
            minStaff: 2,
            requiredSkill: null,
            activity: 'outreach' as const,
            isPair: true,
            campaignId: campaign.id,
            validFrom: dto.start,
            validUntil: dto.end,
          }),
        ),
      );
      await this.audit.record(manager, user, {
        action: 'campaign.create',
        entity: 'outreach_campaign',
        entityId: campaign.id,
        details: {
          siteId: location.siteId,
          partner: campaign.partner,
          start: dto.start,
          end: dto.end,
        },
      });
      return {
        id: campaign.id,
        locationId: location.id,
        partner: campaign.partner,
        estate: campaign.estate,
        start: dto.start,
        end: dto.end,
        pattern: campaign.pattern,
        requirements: requirements.map(toRequirement),
      };
    });
  }

  private async location(user: AuthUser, id: string): Promise<LocationEntity> {
    const location = await this.dataSource
      .getRepository(LocationEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!location) refuse('Lieu inconnu.', 'locationId', 'lieu inconnu');
    this.access.requireSite(user, location.siteId, 'write');
    return location;
  }
}
