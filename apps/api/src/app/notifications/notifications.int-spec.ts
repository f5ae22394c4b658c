import type { NotificationInbox, OutboxEmail, StaffRequest } from '@relais/api-types';
import { addDays } from '@relais/rules';
import { todayIn } from '../../common/today';
import { freePort, SmtpSink, startSmtpSink } from '../../testing/smtp-sink';
import { startTestApp, TestApp } from '../../testing/test-app';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('notifications when the mail server is down', () => {
  let t: TestApp;
  let port: number;
  let smtp: SmtpSink | undefined;
  let mediator: string;
  let manager: string;
  let admin: string;
  let offset = 30;

  beforeAll(async () => {
    // Nothing listens on this port yet: every e-mail fails until the test starts a server there.
    port = await freePort();
    t = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      OUTBOX_RETRY_SECONDS: '1',
      OUTBOX_RETRY_LIMIT: '3',
    });
    mediator = await t.login('mediateur@relais.demo');
    manager = await t.login('manager.sud@relais.demo');
    admin = await t.login('direction@relais.demo');
  });

  afterAll(async () => {
    await t.close();
    await smtp?.close();
  });

  /** The mediator asks for leave, the manager refuses with `reply`: an e-mail to the mediator. */
  async function refuseLeave(reply: string): Promise<void> {
    const start = addDays(todayIn(), offset);
    offset += 5;
    const request = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start, end: addDays(start, 2) },
    });
    expect(request.status).toBe(201);
    const decided = await t.request<StaffRequest>(
      'POST',
      `/api/requests/${request.body.id}/decision`,
      { cookie: manager, body: { status: 'refused', reply } },
    );
    expect(decided.status).toBe(200);
  }

  async function outbox(status: 'pending' | 'dead'): Promise<OutboxEmail[]> {
    const response = await t.request<OutboxEmail[]>('GET', `/api/admin/outbox?status=${status}`, {
      cookie: admin,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  it('still records the decision and tells the person in the app', async () => {
    const start = addDays(todayIn(), 20);
    const request = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start, end: addDays(start, 2) },
    });
    expect(request.status).toBe(201);
    const decided = await t.request<StaffRequest>(
      'POST',
      `/api/requests/${request.body.id}/decision`,
      { cookie: manager, body: { status: 'refused', reply: 'Semaine de permanence.' } },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('refused');
    const inbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })
    ).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'request_decided',
      title: 'Demande refusée',
      link: '/demandes',
    });
    expect(inbox.items[0].body).toContain('Semaine de permanence.');
    // The failed e-mail has had time to fail: the server still answers.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await t.request('GET', '/api/health')).status).toBe(200);
    // Someone else's message cannot be marked read.
    const other = await t.request('POST', `/api/notifications/${inbox.items[0].id}/read`, {
      cookie: manager,
    });
    expect(other.status).toBe(404);
    expect(
      (
        await t.request('POST', `/api/notifications/${inbox.items[0].id}/read`, {
          cookie: mediator,
        })
      ).status,
    ).toBe(204);
  });

  it('keeps the e-mail in the outbox, tries it again, and sends it once the server is back', async () => {
    const failed = await until(async () =>
      (await outbox('pending')).find(
        (mail) => mail.to === 'mediateur@relais.demo' && mail.attempts > 0,
      ),
    );
    expect(failed).toMatchObject({ status: 'pending', subject: 'Relais – Demande refusée' });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    smtp = await startSmtpSink(port, (text) => text.includes('rebut-test'));
    const sink = smtp;
    const mail = await until(async () =>
      sink.mails.find((sent) => sent.text.includes('Semaine de permanence.')),
    );
    expect(mail.to).toBe('mediateur@relais.demo');
    await until(async () => ((await outbox('pending')).length === 0 ? true : undefined));
    expect(sink.mails.filter((sent) => sent.text.includes('Semaine de permanence.'))).toHaveLength(
      1,
    );
  });

  it('gives an e-mail up after its retries, and shows it dead to the admin only', async () => {
    await refuseLeave('Motif rebut-test.');
    const dead = await until(async () =>
      (await outbox('dead')).find((mail) => mail.to === 'mediateur@relais.demo'),
    );
    // The first try and three retries, each refused by the server.
    expect(dead).toMatchObject({ status: 'dead', attempts: 4, nextAttemptAt: null });
    expect(dead.lastError).toMatch(/550/);
    expect(smtp?.mails.some((sent) => sent.text.includes('rebut-test'))).toBe(false);
    const refused = await t.request('GET', '/api/admin/outbox?status=dead', { cookie: manager });
    expect(refused.status).toBe(403);
    const invalid = await t.request('GET', '/api/admin/outbox?status=tout', { cookie: admin });
    expect(invalid.status).toBe(400);
  });
});
