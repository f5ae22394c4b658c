import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from './person.entity';

/** A site manager may run several sites (one of the demo managers runs two). */
@Entity({ name: 'manager_site' })
@Index('ix_manager_site_site', ['siteId'])
export class ManagerSiteEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid', primaryKeyConstraintName: 'pk_manager_site' })
  personId!: string;

  @PrimaryColumn({ name: 'site_id', type: 'uuid', primaryKeyConstraintName: 'pk_manager_site' })
  siteId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_manager_site_person' })
  person?: PersonEntity;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_manager_site_site' })
  site?: SiteEntity;
}
