import { loadConfig, type Config } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';
import { generateKeyring } from '../../src/core/crypto/keyring.js';
import type { Db } from '../../src/core/db.js';
import { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import { createServices, type Services } from '../../src/services.js';

/**
 * scrypt at 1/32 of the server's cost: the suite signs staff in hundreds of times. The stored hash
 * names its cost, so verification and the lockout and timing rules run exactly as in production.
 */
const TEST_PASSWORD_COST = { ln: 10, r: 8, p: 1 };

/** The real services with a fresh keyring and the development outbox for SMS. */
export function testServices(db: Db, clock: Clock, config: Config = loadConfig({})): Services {
  return createServices({
    db, clock, keyring: generateKeyring(), sms: new DevOutbox(clock), maxBeneficiariesPerAccount: config.maxBeneficiariesPerAccount,
    detection: config.detection, staffPasswordCost: TEST_PASSWORD_COST,
  });
}
