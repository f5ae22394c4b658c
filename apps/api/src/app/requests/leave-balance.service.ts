import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeaveBalance } from '@relais/api-types';
import { paidLeaveBalance, paidLeavePeriodOf } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { PeopleService } from '../people/people.service';

interface SpanRow {
  start_date: string;
  end_date: string | null;
}

const spans = (rows: SpanRow[]) =>
  rows.map((row) => ({ start: row.start_date, end: row.end_date }));

/** Paid-leave balances (C. trav., art. L3141-3), read by the person, their manager and HR. */
@Injectable()
export class LeaveBalanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly access: AccessService,
  ) {}

  async get(user: AuthUser, personId: string): Promise<LeaveBalance> {
    const person = await this.people.findInOrganisation(user, personId);
    this.access.requireReadPerson(user, person);
    return this.balanceOf(this.dataSource.manager, personId, todayIn(user.timeZone));
  }

  /** The balance of one person on a day: contracts, approved leave absences, pending requests. */
  async balanceOf(manager: EntityManager, personId: string, asOf: string): Promise<LeaveBalance> {
    const period = paidLeavePeriodOf(asOf);
    // One after the other: inside a transaction the three share one connection.
    const read = (sql: string): Promise<SpanRow[]> =>
      manager.query(sql, [personId, period.start, period.end]);
    const contracts = await read(
      `SELECT start_date::text, end_date::text FROM contract WHERE person_id = $1
         AND start_date <= $3 AND (end_date IS NULL OR end_date >= $2)`,
    );
    const taken = await read(
      `SELECT start_date::text, end_date::text FROM absence WHERE person_id = $1 AND kind = 'leave'
         AND start_date <= $3 AND end_date >= $2`,
    );
    const pending = await read(
      `SELECT start_date::text, end_date::text FROM staff_request WHERE person_id = $1
         AND kind = 'leave' AND status = 'pending' AND start_date <= $3 AND end_date >= $2`,
    );
    return {
      personId,
      asOf,
      ...paidLeaveBalance({
        contracts: spans(contracts),
        taken: spans(taken),
        pending: spans(pending),
        asOf,
      }),
    };
  }
}
