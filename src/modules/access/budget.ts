import { addDays, todayInIndia } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { SubjectBudget } from '../../config.js';
import * as budgetStore from './budget-store.js';
import type { AccessRequest, Actor, Purpose, StaffRole } from './schema.js';

export type { SubjectBudget } from '../../config.js';

/** A partner's own quota of distinct people, when the partners module has one for it. */
export type PartnerBudgetLookup = (db: Db, partnerId: string) => Promise<SubjectBudget | undefined>;

/**
 * The roster is not counted: it shows the people booked at the centre today, a list the actor
 * cannot grow, and a busy centre's roster would pass an hour's budget on its first view.
 */
const uncountedPurposes = new Set<Purpose>(['vaccination-roster']);

const HOUR_MS = 60 * 60 * 1000;

export interface BudgetBreach {
  window: 'hour' | 'day';
  limit: number;
}

type Budgeted = Actor & { kind: 'staff' | 'partner' };

function isBudgeted(actor: Actor): actor is Budgeted {
  return actor.kind === 'staff' || actor.kind === 'partner';
}

function budgetActor(actor: Budgeted): budgetStore.BudgetActor {
  return actor.kind === 'staff' ? { kind: 'staff', id: actor.staffId } : { kind: 'partner', id: actor.partnerId };
}

export function startOfDayInIndia(now: Date): Date {
  return new Date(`${todayInIndia(now)}T00:00:00+05:30`);
}

/**
 * Budgets of distinct people per actor (DESIGN.md §1.4, decision 0015): how many different
 * people a staff member (by role) or a partner may read in the last hour and since midnight,
 * India time. Reading someone already read in the window costs nothing.
 */
export class SubjectBudgets {
  constructor(
    private readonly budgets: Readonly<Record<StaffRole | 'partner', SubjectBudget>>,
    private readonly partnerBudget?: PartnerBudgetLookup,
  ) {}

  /** The window and limit one more person would pass, or undefined when the read fits. */
  async breachBy(db: Db, actor: Actor, request: AccessRequest, now: Date): Promise<BudgetBreach | undefined> {
    if (!isBudgeted(actor) || uncountedPurposes.has(request.purpose)) return undefined;
    const budget = actor.kind === 'staff'
      ? this.budgets[actor.role]
      : (await this.partnerBudget?.(db, actor.partnerId)) ?? this.budgets.partner;
    const hourStart = new Date(now.getTime() - HOUR_MS);
    const dayStart = startOfDayInIndia(now);
    const read = await budgetStore.countRecentReads(db, budgetActor(actor), { hourStart, dayStart }, request.subject.id);
    if (read.hour === 0 && read.day === 0) {
      // The first read after a quiet spell clears what no window counts any more, so the table stays small.
      await budgetStore.forgetReadsBefore(db, budgetActor(actor), hourStart < dayStart ? hourStart : dayStart);
    }
    if (read.hour >= budget.perHour) return { window: 'hour', limit: budget.perHour };
    if (read.day >= budget.perDay) return { window: 'day', limit: budget.perDay };
    return undefined;
  }

  async noteGranted(db: Db, actor: Actor, request: AccessRequest, now: Date): Promise<void> {
    if (!isBudgeted(actor) || uncountedPurposes.has(request.purpose)) return;
    await budgetStore.noteRead(db, budgetActor(actor), request.subject.id, now);
  }

  /** A reinstated credential starts afresh, or its next read would trip the same budget again. */
  async reset(db: Db, actor: budgetStore.BudgetActor): Promise<void> {
    await budgetStore.forgetAllReads(db, actor);
  }
}

export const subjectBudgetSpent = (breach: BudgetBreach, now: Date) => new AppError(
  'ACCESS_BUDGET_SPENT', 429,
  `You have opened the records of ${breach.limit} different people ${breach.window === 'hour' ? 'in the last hour' : 'today'}, the limit for your account. `
    + 'Nothing more can be opened and the security team has been told; if this is your real work, ask an auditor to review it.',
  undefined,
  breach.window === 'hour' ? HOUR_MS / 1000 : Math.ceil((new Date(`${addDays(todayInIndia(now), 1)}T00:00:00+05:30`).getTime() - now.getTime()) / 1000),
);
