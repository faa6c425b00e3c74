// An OpenAI-compatible chat endpoint that answers every request after LATENCY_MS, in its own process so
// the load generator's work never delays its answers. Prints its port on stdout once listening.
import { once } from 'node:events';
import { createServer } from 'node:http';

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 200);

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () =>
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-bench',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'bench-model',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: 'pong' },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
        }),
      );
    }, LATENCY_MS),
  );
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(
  `${/** @type {import('node:net').AddressInfo} */ (server.address()).port}\n`,
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
