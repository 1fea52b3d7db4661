import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CalendarCenter, CalendarSession } from '../../../../src/api/cowin-v2/schema.js';
import { todayInIndia, type IsoDay } from '../../dates.js';
import type { SessionRenderer } from '../../find-centre/centre-card.js';
import { noFilters } from '../../find-centre/filters.js';
import { Results } from '../../find-centre/results.js';
import { SearchPanel } from '../../find-centre/search-panel.js';
import { useRevealResults } from '../../find-centre/reveal-results.js';
import { readSearch, writeSearch, type Search } from '../../find-centre/search.js';
import { useCalendar } from '../../find-centre/use-calendar.js';
import { fetchLiveCalendar } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatCowinDay } from '../format.js';
import { focusSoon } from '../page-heading.js';
import type { BookingPlan } from './booking-plan.js';
import type { Choice } from './chosen-session.js';
import { ConfirmStep } from './confirm-step.js';
import { DoneStep } from './done-step.js';
import { SessionChoice } from './session-choice.js';
import { SlotStep } from './slot-step.js';
import { narrowCalendar, type Party } from './suitable-sessions.js';

type Step =
  | { kind: 'search'; chosen?: string | undefined }
  | { kind: 'slot'; choice: Choice; slot?: string | undefined }
  | { kind: 'confirm'; choice: Choice; slot: string }
  | { kind: 'done'; choice: Choice; slot: string; appointmentId: string };

type ActivePlan = Extract<BookingPlan, { kind: 'book' | 'reschedule' }>;

/**
 * Search (the public page's forms and calendar, with live seats), then a session, a time slot, a
 * last look, and the booking. The search stays in the address bar like the public page's, next to
 * `reschedule`; the steps after it live here, so a reload starts again from the calendar.
 */
export function BookingFlow({ plan }: { plan: ActivePlan }) {
  const { t, language } = useCitizenTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInIndia();
  const search = useMemo(() => readSearch(params, today), [params, today]);
  const [attempt, setAttempt] = useState(0);
  const calendar = useCalendar(search, attempt, fetchLiveCalendar);
  const revealResultsWhenReady = useRevealResults(calendar);
  const [filters, setFilters] = useState(noFilters);
  const [step, setStep] = useState<Step>({ kind: 'search' });
  const [chosenRefs, setChosenRefs] = useState<readonly string[]>(() => [plan.member.beneficiary_reference_id]);
  const [whoMissing, setWhoMissing] = useState(false);

  const people = plan.kind === 'book' ? plan.candidates.filter((m) => chosenRefs.includes(m.beneficiary_reference_id)) : plan.party;
  const peopleKey = people.map((m) => m.beneficiary_reference_id).join();
  const party: Party = useMemo(
    () => ({ birthYears: people.map((m) => Number(m.birth_year)), dose: plan.dose, vaccine: plan.vaccine }),
    // `peopleKey` stands for `people`, a new array on every render.
    [peopleKey, plan.dose, plan.vaccine],
  );
  const shown = useMemo(() => narrowCalendar(calendar, party), [calendar, party]);
  const names = people.map((m) => m.name).join(', ');

  function go(next: Step) {
    setStep(next);
    if (next.kind === 'search' && next.chosen) {
      // Back on the calendar, where the citizen left it.
      const id = next.chosen;
      requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`.session--choice button[value="${id}"]`)?.focus());
    } else if (next.kind === 'search') {
      focusSoon('results-heading');
    } else {
      window.scrollTo({ top: 0 });
      focusSoon('step-heading');
    }
  }

  function showSearch(next: Search) {
    revealResultsWhenReady();
    const nextParams = writeSearch(next, today);
    const rescheduleId = params.get('reschedule');
    if (rescheduleId) nextParams.set('reschedule', rescheduleId);
    if (nextParams.toString() === params.toString()) setAttempt((n) => n + 1);
    else setParams(nextParams);
  }

  function showWeek(from: IsoDay) {
    if (!search) return;
    const nextParams = writeSearch({ ...search, from }, today);
    const rescheduleId = params.get('reschedule');
    if (rescheduleId) nextParams.set('reschedule', rescheduleId);
    setParams(nextParams);
  }

  function chooseSession(centre: CalendarCenter, session: CalendarSession) {
    if (people.length === 0) {
      setWhoMissing(true);
      document.getElementById(`who-${plan.member.beneficiary_reference_id}`)?.focus();
      return;
    }
    go({ kind: 'slot', choice: { centre, session } });
  }

  const renderSession: SessionRenderer = (session, centre, day) => (
    <SessionChoice key={session.session_id} session={session} centre={centre} day={day} dose={plan.dose} seats={Math.max(1, people.length)} onChoose={chooseSession} />
  );

  return (
    <>
      <p className="booking-for">{t('booking.bookingFor', { dose: plan.dose, names: names || '–' })}</p>
      {plan.kind === 'reschedule' && (
        <p className="muted">
          {t('booking.current', { date: formatCowinDay(plan.appointment.date, language), slot: plan.appointment.slot, centre: plan.appointment.name })}
        </p>
      )}
      {step.kind === 'search' && (
        <>
          {plan.kind === 'book' && plan.candidates.length > 1 && (
            <fieldset className="choice-group panel" aria-describedby={whoMissing ? 'who-error who-hint' : 'who-hint'}>
              <legend>{t('booking.who')}</legend>
              <p id="who-hint" className="hint">{t('booking.whoHint')}</p>
              {whoMissing && <p id="who-error" className="field-error">{t('booking.whoMissing')}</p>}
              <div className="choices">
                {plan.candidates.map((m) => (
                  <label key={m.beneficiary_reference_id} className="choice" htmlFor={`who-${m.beneficiary_reference_id}`}>
                    <input
                      type="checkbox"
                      id={`who-${m.beneficiary_reference_id}`}
                      checked={chosenRefs.includes(m.beneficiary_reference_id)}
                      onChange={(e) => {
                        setWhoMissing(false);
                        setChosenRefs((refs) => (e.target.checked ? [...refs, m.beneficiary_reference_id] : refs.filter((r) => r !== m.beneficiary_reference_id)));
                      }}
                    />
                    <span>{t('booking.memberDose', { name: m.name, dose: plan.dose })}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <p className="muted search-intro">{t('booking.searchIntro')}</p>
          <SearchPanel search={search} today={today} onSearch={showSearch} />
          <Results
            search={search}
            today={today}
            calendar={shown}
            filters={filters}
            onFiltersChange={setFilters}
            onWeekChange={showWeek}
            onRetry={() => setAttempt((n) => n + 1)}
            renderSession={renderSession}
            filterFields={['vaccine', 'fee']}
          />
        </>
      )}
      {step.kind === 'slot' && (
        <SlotStep
          choice={step.choice}
          slot={step.slot}
          onChoose={(slot) => go({ kind: 'confirm', choice: step.choice, slot })}
          onBack={() => go({ kind: 'search', chosen: step.choice.session.session_id })}
        />
      )}
      {step.kind === 'confirm' && (
        <ConfirmStep
          booking={{ rescheduleId: plan.kind === 'reschedule' ? plan.appointment.appointment_id : undefined, dose: plan.dose, members: people }}
          choice={step.choice}
          slot={step.slot}
          onDone={(appointmentId) => go({ kind: 'done', choice: step.choice, slot: step.slot, appointmentId })}
          onChangeSlot={() => go({ kind: 'slot', choice: step.choice, slot: step.slot })}
          onChooseAnother={() => {
            setAttempt((n) => n + 1);
            go({ kind: 'search' });
          }}
        />
      )}
      {step.kind === 'done' && (
        <DoneStep appointmentId={step.appointmentId} rescheduled={plan.kind === 'reschedule'} names={names} choice={step.choice} slot={step.slot} />
      )}
    </>
  );
}
