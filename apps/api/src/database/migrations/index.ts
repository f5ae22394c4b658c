import { MigrationInterface } from 'typeorm';
import { Initial1795786974780 } from './1795786974780-Initial';
import { PeopleContracts1795788521105 } from './1795788521105-PeopleContracts';
import { Rota1795789124839 } from './1795789124839-Rota';
import { SelfService1795795655996 } from './1795795655996-SelfService';
import { Training1795795730556 } from './1795795730556-Training';
import { AutoFill1795795819474 } from './1795795819474-AutoFill';
import { LoginThrottle1795800000000 } from './1795800000000-LoginThrottle';
import { ExitFollowUp1795810000000 } from './1795810000000-ExitFollowUp';
import { DataVersion1795820000000 } from './1795820000000-DataVersion';
import { SecurityNotification1795830000000 } from './1795830000000-SecurityNotification';
import { SiteLoan1795840000000 } from './1795840000000-SiteLoan';
import { OrganisationIds1795850000000 } from './1795850000000-OrganisationIds';
import { OrganisationSettings1795950000000 } from './1795950000000-OrganisationSettings';
import { SelfServiceClaims1796300000000 } from './1796300000000-SelfServiceClaims';
import { PeopleContractsEnd1796400000000 } from './1796400000000-PeopleContractsEnd';
import { RotaBatch1796500000000 } from './1796500000000-RotaBatch';
import { ContractHourlyCost1796700000000 } from './1796700000000-ContractHourlyCost';
import { TrainingAttendedHours1796800000000 } from './1796800000000-TrainingAttendedHours';
import { ExitDerived1796810000000 } from './1796810000000-ExitDerived';
import { PlanRecompute1796820000000 } from './1796820000000-PlanRecompute';
import { RecordedAgreements1796830000000 } from './1796830000000-RecordedAgreements';
import { SiteSundayDerogation1796840000000 } from './1796840000000-SiteSundayDerogation';
import { ContractForms1796850000000 } from './1796850000000-ContractForms';
import { PersonEligibility1796860000000 } from './1796860000000-PersonEligibility';
import { ContractObligations1796870000000 } from './1796870000000-ContractObligations';
import { CertificationBlocks1796880000000 } from './1796880000000-CertificationBlocks';
import { JobSearch1796890000000 } from './1796890000000-JobSearch';
import { NightCycleStudent1796910000000 } from './1796910000000-NightCycleStudent';
import { Posts1796920000000 } from './1796920000000-Posts';
import { PartTimeGrouping1796930000000 } from './1796930000000-PartTimeGrouping';
import { RequiredSkillByActivity1796940000000 } from './1796940000000-RequiredSkillByActivity';
import { PecFacts1796950000000 } from './1796950000000-PecFacts';
import { MonthClose1796970000000 } from './1796970000000-MonthClose';

/** Every migration, in order. The bundle cannot glob files, so they are listed here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795786974780,
  PeopleContracts1795788521105,
  Rota1795789124839,
  SelfService1795795655996,
  Training1795795730556,
  AutoFill1795795819474,
  LoginThrottle1795800000000,
  ExitFollowUp1795810000000,
  DataVersion1795820000000,
  SecurityNotification1795830000000,
  SiteLoan1795840000000,
  OrganisationIds1795850000000,
  OrganisationSettings1795950000000,
  SelfServiceClaims1796300000000,
  PeopleContractsEnd1796400000000,
  RotaBatch1796500000000,
  ContractHourlyCost1796700000000,
  TrainingAttendedHours1796800000000,
  ExitDerived1796810000000,
  PlanRecompute1796820000000,
  RecordedAgreements1796830000000,
  SiteSundayDerogation1796840000000,
  ContractForms1796850000000,
  PersonEligibility1796860000000,
  ContractObligations1796870000000,
  CertificationBlocks1796880000000,
  JobSearch1796890000000,
  NightCycleStudent1796910000000,
  Posts1796920000000,
  PartTimeGrouping1796930000000,
  RequiredSkillByActivity1796940000000,
  PecFacts1796950000000,
  MonthClose1796970000000,
];
