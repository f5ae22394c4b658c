import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HrNote } from '@relais/api-types';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { CreateHrNoteDto } from './dto/people.dto';
import { HrNoteEntity } from './hr-note.entity';
import { PeopleService } from './people.service';

function toHrNote(entity: HrNoteEntity): HrNote {
  return {
    id: entity.id,
    personId: entity.personId,
    authorName: entity.authorName,
    createdAt: entity.createdAt.toISOString(),
    text: entity.text,
  };
}

/**
 * HR's notes on a person. The controller lets only HR and admin in; the text never reaches the
 * audit trail, which more people read.
 */
@Injectable()
export class HrNotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, personId: string): Promise<HrNote[]> {
    await this.people.findInOrganisation(user, personId);
    const notes = await this.dataSource
      .getRepository(HrNoteEntity)
      .find({ where: { personId }, order: { createdAt: 'DESC' } });
    return notes.map(toHrNote);
  }

  async add(user: AuthUser, personId: string, dto: CreateHrNoteDto): Promise<HrNote> {
    await this.people.findInOrganisation(user, personId);
    return this.dataSource.transaction(async (manager) => {
      const note = await manager.save(
        manager.create(HrNoteEntity, {
          organisationId: user.organisationId,
          personId,
          authorId: user.personId,
          authorName: `${user.firstName} ${user.lastName}`,
          text: dto.text.trim(),
        }),
      );
      await this.audit.record(manager, user, {
        action: 'hr_note.create',
        entity: 'hr_note',
        entityId: note.id,
        details: { personId },
      });
      return toHrNote(note);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const note = await manager.findOneBy(HrNoteEntity, {
        id,
        organisationId: user.organisationId,
      });
      if (!note) throw new NotFoundException('Note introuvable.');
      await manager.delete(HrNoteEntity, { id });
      await this.audit.record(manager, user, {
        action: 'hr_note.delete',
        entity: 'hr_note',
        entityId: id,
        details: { personId: note.personId },
      });
    });
  }
}
