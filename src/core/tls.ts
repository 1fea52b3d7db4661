import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { ConfigError, type Config } from '../config.js';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * Reads TEEKA_TLS_CERT and TEEKA_TLS_KEY (PEM; the certificate file may carry the chain after it)
 * and checks that they are a certificate and its own key, so a wrong file stops the start with a
 * sentence instead of failing every handshake later. Undefined when Teeka serves plain HTTP.
 */
export function readTlsFiles(config: Pick<Config, 'tlsCertPath' | 'tlsKeyPath'>): TlsFiles | undefined {
  if (!config.tlsCertPath || !config.tlsKeyPath) return undefined;
  const cert = readFile(config.tlsCertPath, 'TEEKA_TLS_CERT');
  const key = readFile(config.tlsKeyPath, 'TEEKA_TLS_KEY');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new ConfigError(`TEEKA_TLS_CERT (${config.tlsCertPath}) is not a PEM certificate`);
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new ConfigError(`TEEKA_TLS_KEY (${config.tlsKeyPath}) is not an unencrypted PEM private key`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new ConfigError('TEEKA_TLS_KEY is not the key of the certificate in TEEKA_TLS_CERT: set the pair that belongs together');
  }
  return { cert, key };
}

function readFile(file: string, setting: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${setting}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
