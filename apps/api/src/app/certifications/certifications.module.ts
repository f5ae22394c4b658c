import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module';
import { CertificationsController } from './certifications.controller';
import { CertificationsService } from './certifications.service';
import { CompetencesService } from './competences.service';

/** Professional titles block by block, and the tutor's competence assessments. */
@Module({
  imports: [PathwaysModule],
  controllers: [CertificationsController],
  providers: [CertificationsService, CompetencesService],
})
export class CertificationsModule {}
