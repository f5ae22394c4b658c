import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PartnerEmployer } from '@relais/api-types';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import type { PartnerEmployerDto } from './dto/job-search.dto';
import { PartnerEmployerEntity } from './job-search.entities';

const trimmed = (value: string | null): string | null => value?.trim() || null;

/** The organisation's partner employers: HR and admin manage them, managers read them. */
@Injectable()
export class PartnerEmployersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<PartnerEmployer[]> {
    const rows = await this.dataSource
      .getRepository(PartnerEmployerEntity)
      .find({ where: { organisationId: user.organisationId }, order: { name: 'ASC' } });
    return rows.map(toPartner);
  }

  create(user: AuthUser, body: PartnerEmployerDto): Promise<PartnerEmployer> {
    return this.dataSource.transaction(async (manager) => {
      const fields = partnerFields(body);
      await this.requireUniqueName(manager, user, fields.name, null);
      const saved = await manager.save(
        manager.create(PartnerEmployerEntity, { organisationId: user.organisationId, ...fields }),
      );
      await this.audit.record(manager, user, {
        action: 'partner_employer.create',
        entity: 'partner_employer',
        entityId: saved.id,
        details: { name: saved.name },
      });
      return toPartner(saved);
    });
  }

  update(user: AuthUser, id: string, body: PartnerEmployerDto): Promise<PartnerEmployer> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(PartnerEmployerEntity, {
        id,
        organisationId: user.organisationId,
      });
      if (!found) throw new NotFoundException('Employeur partenaire introuvable.');
      const fields = partnerFields(body);
      await this.requireUniqueName(manager, user, fields.name, id);
      await manager.update(PartnerEmployerEntity, { id }, fields);
      await this.audit.record(manager, user, {
        action: 'partner_employer.update',
        entity: 'partner_employer',
        entityId: id,
        details: { before: { name: found.name }, after: { name: fields.name } },
      });
      return toPartner({ ...found, ...fields });
    });
  }

  /** Names are unique per organisation, whatever their case (the database holds the exact one). */
  private async requireUniqueName(
    manager: EntityManager,
    user: AuthUser,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    const [taken]: { name: string }[] = await manager.query(
      `SELECT name FROM partner_employer
        WHERE organisation_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [user.organisationId, name, exceptId],
    );
    if (taken)
      throw new ConflictException(
        `Un employeur partenaire s’appelle déjà « ${taken.name} » : modifiez celui-ci plutôt que d’en créer un second.`,
      );
  }
}

function partnerFields(body: PartnerEmployerDto): Omit<PartnerEmployer, 'id'> {
  return {
    name: body.name.trim(),
    sector: trimmed(body.sector),
    town: trimmed(body.town),
    contactName: trimmed(body.contactName),
    contactEmail: trimmed(body.contactEmail),
    contactPhone: trimmed(body.contactPhone),
    note: trimmed(body.note),
  };
}

function toPartner(
  row: Omit<PartnerEmployerEntity, 'organisationId' | 'createdAt'>,
): PartnerEmployer {
  return {
    id: row.id,
    name: row.name,
    sector: row.sector,
    town: row.town,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    note: row.note,
  };
}
