import { AddressInfo, createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SentMail {
  to: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  mails: SentMail[];
  close(): Promise<void>;
}

/** A port nothing listens on (yet): the mail server that is down, and may come back there. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A local SMTP server that keeps what it receives; `refuses(text)` answers a message with a
 * permanent refusal (550) instead.
 */
export async function startSmtpSink(
  port = 0,
  refuses: (text: string) => boolean = () => false,
): Promise<SmtpSink> {
  const mails: SentMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      stream.on('end', () => {
        if (refuses(text)) {
          callback(Object.assign(new Error('Boîte refusée'), { responseCode: 550 }));
          return;
        }
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
