import type { TFunction } from 'i18next';
import type { CalendarState } from './use-calendar.js';
import type { Search } from './search.js';

export interface StatusMessage {
  text: string;
  tone: 'neutral' | 'empty' | 'error';
}

/**
 * The one sentence that tells a citizen what the search found, or what to do next. It is read out
 * by screen readers through the results' live region, so it must stand on its own.
 */
export function statusMessage(t: TFunction, search: Search, calendar: CalendarState, shown: number): StatusMessage {
  switch (calendar.status) {
    case 'idle':
      return { text: '', tone: 'neutral' };
    case 'loading':
      return { text: t('results.searching'), tone: 'neutral' };
    case 'failed': {
      const { failure } = calendar;
      if (failure.kind === 'rate-limited') return { text: t('results.rateLimited', { count: failure.retryAfterSeconds }), tone: 'error' };
      if (failure.kind === 'daily-limit') return { text: t('results.dailyLimit'), tone: 'error' };
      if (failure.kind === 'rejected') return { text: t('results.rejected', { message: failure.message }), tone: 'error' };
      return { text: t('results.unavailable'), tone: 'error' };
    }
    case 'loaded': {
      const total = calendar.centres.length;
      if (total === 0) {
        return { text: search.query.by === 'pin' ? t('results.emptyPin') : t('results.emptyDistrict'), tone: 'empty' };
      }
      if (shown === 0) return { text: t('results.emptyFiltered'), tone: 'empty' };
      if (shown < total) return { text: t('results.filtered', { count: total, shown }), tone: 'neutral' };
      if (search.query.by === 'pin') return { text: t('results.foundPin', { count: total, pincode: search.query.pincode }), tone: 'neutral' };
      const district = calendar.centres[0]?.district_name.trim() ?? '';
      return { text: t('results.foundDistrict', { count: total, district }), tone: 'neutral' };
    }
  }
}
