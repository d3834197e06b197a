// A DynamoDB stand-in for fault tests: an HTTP relay in front of dynalite that can lose answers, hang, or be down.
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

/** What the relay does with one call, chosen per call from its operation (PutItem, GetItem, …) and table. */
export type Fault =
  | 'pass'
  /** Forwarded: the database does the work; the caller's connection is then cut, so it never learns the outcome. */
  | 'lose-answer'
  /** Forwarded, and the answer held back for ever: the work is done, the caller waits. */
  | 'hang-after'
  /** Never forwarded, never answered: a database that accepts connections and stops answering. */
  | 'hang'
  /** The connection is refused as if the process had died. */
  | 'down';

export interface Call {
  operation: string;
  table?: string;
}

export interface FaultyDynamo {
  url: string;
  /** Every call seen, in order. */
  calls: Call[];
  /** Decides each call's fate; `pass` for all by default. */
  fault: (call: Call) => Fault;
  close(): Promise<void>;
}

export async function faultyDynamo(targetPort: number): Promise<FaultyDynamo> {
  const sockets = new Set<Socket>();
  const relay: FaultyDynamo = {
    url: '',
    calls: [],
    fault: () => 'pass',
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const forward = (
    req: IncomingMessage,
    body: Buffer,
    done: (status: number, headers: IncomingMessage['headers'], answer: Buffer) => void,
  ) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(res.statusCode ?? 500, res.headers, Buffer.concat(chunks)));
      },
    );
    upstream.on('error', () => done(502, {}, Buffer.alloc(0)));
    upstream.end(body);
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      let table: string | undefined;
      try {
        table = (JSON.parse(body.toString('utf8')) as { TableName?: string }).TableName;
      } catch {}
      const call: Call = { operation, ...(table ? { table } : {}) };
      relay.calls.push(call);
      const fate = relay.fault(call);
      if (fate === 'down') return req.socket.destroy();
      if (fate === 'hang') return;
      forward(req, body, (status, headers, answer) => {
        if (fate === 'lose-answer') return req.socket.destroy();
        if (fate === 'hang-after') return;
        res.writeHead(status, headers);
        res.end(answer);
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return relay;
}
