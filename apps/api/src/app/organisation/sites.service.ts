import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Site } from '@relais/api-types';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { SiteEntity } from './site.entity';

@Injectable()
export class SitesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every site of the caller's organisation with its locations: any member may see them. */
  async list(user: AuthUser): Promise<Site[]> {
    const sites = await this.dataSource.getRepository(SiteEntity).find({
      where: { organisationId: user.organisationId },
      relations: { locations: true },
      order: { code: 'ASC', locations: { code: 'ASC' } },
    });
    return sites.map((site) => ({
      id: site.id,
      code: site.code,
      name: site.name,
      address: site.address,
      isFranceServices: site.isFranceServices,
      openingHours: site.openingHours,
      locations: (site.locations ?? []).map((location) => ({
        id: location.id,
        siteId: location.siteId,
        code: location.code,
        name: location.name,
        kind: location.kind,
        address: location.address,
      })),
    }));
  }
}
