import type { Command } from 'commander';
import { invalidInput } from '../core/errors.js';
import type { SmsGateway } from '../core/sms/gateway.js';
import { plantCanaries } from '../modules/security/canary-plant.js';
import { withRuntime } from './common.js';

/** Canary mobiles belong to no one we know: the booking texts they trigger go nowhere. */
const nowhere: SmsGateway = { send: async () => undefined };

/** `teeka canary plant`: synthetic citizens whose every touch raises a critical alert (decision 0015). */
export function registerCanaryCommands(program: Command): void {
  const canary = program.command('canary').description('Canary records: synthetic citizens no one has a reason to reach (decision 0015).');

  canary
    .command('plant')
    .description('Plant synthetic citizens, indistinguishable in the data from real ones; any access to one raises a critical alert and suspends the credential. Plant a few at a time, now and then, so they do not stand out as a batch.')
    .option('--count <n>', 'how many accounts (each with 1 to 3 people), 1 to 100', '5')
    .option('--district <id>', 'a district whose centres their (cancelled) bookings were at; without it they never booked')
    .action(async (options: { count: string; district?: string }) => {
      if (!/^\d{1,3}$/.test(options.count) || Number(options.count) < 1 || Number(options.count) > 100) {
        throw invalidInput('count', `--count must be a whole number from 1 to 100, got "${options.count}"`);
      }
      if (options.district !== undefined && !/^[1-9]\d{0,8}$/.test(options.district)) {
        throw invalidInput('district', `--district must be a district id (a whole number), got "${options.district}"`);
      }
      await withRuntime(async (runtime) => {
        const services = runtime.servicesAt(runtime.clock, nowhere);
        await services.geography.load();
        await services.vaccines.load();
        const districtId = options.district === undefined ? undefined : Number(options.district);
        if (districtId !== undefined && !services.geography.placeOf(districtId)) throw invalidInput('district', `There is no district ${districtId}.`);
        const report = await plantCanaries(services, { count: Number(options.count), districtId });
        process.stdout.write(
          `Planted ${report.accounts} canary accounts with ${report.people} people` +
            `${districtId === undefined ? '' : ` (${report.cancelledBookings} with a cancelled booking in district ${districtId})`}.\n` +
            'Which records they are is kept only as keyed MACs; nothing here names them. Any access to one now raises a critical alert.\n',
        );
      });
    });
}
