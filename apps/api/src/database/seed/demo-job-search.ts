import { EntityManager } from 'typeorm';
import {
  CareerActionEntity,
  ImmersionEntity,
  JobApplicationEntity,
  PartnerEmployerEntity,
  ProfessionalProjectEntity,
} from '../../app/job-search/job-search.entities';
import { syncFactMilestones } from '../../app/pathways/pathways.service';

/**
 * The demo mediator's job search (S24, mediateur@relais.demo), so the « Recherche d'emploi » card
 * is not empty: two partner employers, a project HR validated, a two-week immersion over (P10,
 * P11 closed by these facts), two applications and a CPF action. Dates on the seed reference,
 * moved like every date.
 */
export async function seedDemoJobSearch(
  manager: EntityManager,
  organisationId: string,
  personId: string,
  hrAccountId: string,
  move: (date: string) => string,
  today: string,
): Promise<void> {
  const [cpam] = await manager.save(
    manager.create(PartnerEmployerEntity, [
      {
        organisationId,
        name: 'CPAM de Paris',
        sector: 'Protection sociale',
        town: 'Paris 14e',
        contactName: 'Mme Rivière, chargée de recrutement',
        contactEmail: 'recrutement.cpam@exemple.fr',
        contactPhone: null,
        note: 'Accueille des immersions d’agents d’accueil deux fois par an.',
      },
      {
        organisationId,
        name: 'Mairie du 18e arrondissement',
        sector: 'Collectivité territoriale',
        town: 'Paris 18e',
        contactName: null,
        contactEmail: null,
        contactPhone: '01 53 41 18 18',
        note: null,
      },
    ]),
  );
  await manager.insert(ProfessionalProjectEntity, {
    organisationId,
    personId,
    targetJobs: 'Agent d’accueil en organisme de protection sociale ; conseiller France Services',
    sector: 'Protection sociale',
    steps:
      'Immersion à la CPAM\nCCP accueil (TP MSADS)\nCandidatures aux postes d’agent d’accueil CPAM et CAF',
    validatedOn: move('2026-02-16'),
    validatedBy: hrAccountId,
  });
  await manager.insert(ImmersionEntity, {
    organisationId,
    personId,
    employerId: cpam.id,
    startDate: move('2026-01-12'),
    endDate: move('2026-01-23'),
    objective: 'CONFIRMER_PROJET',
    prescriber: 'FRANCE_TRAVAIL',
    prescriberName: null,
    conventionSignedOn: move('2026-01-05'),
    tutorName: 'Mme Rivière, responsable d’accueil',
  });
  await manager.insert(JobApplicationEntity, [
    {
      organisationId,
      personId,
      employerId: cpam.id,
      employerName: null,
      position: 'Agent d’accueil',
      contract: 'CDI',
      sentOn: move('2026-02-10'),
      status: 'ENTRETIEN',
      statusOn: move('2026-02-24'),
    },
    {
      organisationId,
      personId,
      employerId: null,
      employerName: 'CAF de Paris',
      position: 'Conseiller service à l’usager',
      contract: 'CDD',
      sentOn: move('2026-02-20'),
      status: 'ENVOYEE',
      statusOn: move('2026-02-20'),
    },
  ]);
  await manager.insert(CareerActionEntity, {
    organisationId,
    personId,
    kind: 'CPF',
    title: 'Titre professionnel conseiller relation client à distance',
    provider: 'AFPA Paris',
    plannedStart: move('2026-04-06'),
    plannedEnd: move('2026-06-26'),
    actualStart: null,
    actualEnd: null,
    hours: 140,
    funding: 'CPF, abondement de l’OPCO',
    status: 'ACCEPTEE',
  });
  await syncFactMilestones(manager, organisationId, personId, today);
}
