import type { NotificationInbox, StaffRequest } from '@relais/contracts';
import { addDays } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('notifications when the mail server is down', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every e-mail fails.
    t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('still records the decision and tells the person in the app', async () => {
    const mediator = await t.login('mediateur@relais.demo');
    const manager = await t.login('manager.sud@relais.demo');
    const start = addDays(todayIn(), 30);
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
});
