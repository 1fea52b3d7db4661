import { createTestApp } from './test-app.js';

/** The real app listening on a random loopback port, for browser tests. */
export async function startTestServer(options: { rateLimit?: number } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const testApp = await createTestApp(options);
  const url = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => testApp.close() };
}
