/**
 * English, the reference language: `hi.ts` must have exactly these keys (the type checker holds it
 * to `Messages`), and `t()` accepts only keys that exist here.
 * Place, centre and vaccine names are never translated: they come from the API as Co-WIN wrote them.
 */
export const en = {
  app: {
    name: 'Teeka',
    tagline: 'COVID-19 vaccination',
    title: 'Find a vaccination centre · Teeka',
  },
  language: {
    label: 'Language',
  },
  search: {
    heading: 'Find a vaccination centre',
    intro: 'See vaccination sessions for the next 7 days. Search by PIN code, or by state and district.',
    byPin: 'Search by PIN code',
    pinLabel: 'PIN code',
    pinHint: '6 digits, for example 400080',
    pinInvalid: 'Enter a 6-digit PIN code, for example 400080.',
    or: 'or',
    byDistrict: 'Search by district',
    state: 'State',
    district: 'District',
    chooseState: 'Select state',
    chooseDistrict: 'Select district',
    chooseStateFirst: 'Select a state first',
    loadingStates: 'Loading states…',
    loadingDistricts: 'Loading districts…',
    placesFailed: 'Could not load the list of states and districts. Check your internet connection and try again.',
    retry: 'Try again',
    districtMissing: 'Select a state and a district.',
    submit: 'Search',
  },
  week: {
    label: 'Week',
    previous: 'Previous week',
    next: 'Next week',
  },
  filters: {
    legend: 'Filter results',
    age: 'Age group',
    ageAll: 'All ages',
    ageOption: '{{ages}} years',
    vaccine: 'Vaccine',
    vaccineAll: 'All vaccines',
    fee: 'Fee',
    feeAll: 'Free and paid',
    dose1: 'Dose 1 available',
    dose2: 'Dose 2 available',
    clear: 'Clear filters',
  },
  results: {
    heading: 'Vaccination centres',
    searching: 'Searching…',
    foundPin_one: '{{count}} centre found for PIN {{pincode}}.',
    foundPin_other: '{{count}} centres found for PIN {{pincode}}.',
    foundDistrict_one: '{{count}} centre found in {{district}}.',
    foundDistrict_other: '{{count}} centres found in {{district}}.',
    filtered_one: '{{shown}} of {{count}} centre matches your filters.',
    filtered_other: '{{shown}} of {{count}} centres match your filters.',
    emptyPin: 'No centres found for this PIN. Try a nearby PIN or search by district.',
    emptyDistrict: 'No centres found in this district for these 7 days. Try the next week or another district.',
    emptyFiltered: 'No sessions match your filters. Change or clear the filters to see more centres.',
    rateLimited_one: 'Too many searches from your network. Please wait {{count}} second and search again.',
    rateLimited_other: 'Too many searches from your network. Please wait {{count}} seconds and search again.',
    rejected: 'The search was not accepted: {{message}}',
    unavailable: 'Could not reach the server. Check your internet connection and try again.',
    retry: 'Try again',
  },
  centre: {
    Free: 'Free',
    Paid: 'Paid',
    fees: 'Fees',
    block: 'Block',
    pin: 'PIN',
    hours: 'Open {{from}}–{{to}}',
  },
  session: {
    age: 'Age {{ages}}',
    dose1: 'Dose 1: {{available}}',
    dose2: 'Dose 2: {{available}}',
    booked: 'Booked',
    slots: 'Time slots',
    none: 'No sessions',
  },
  footer: {
    about: 'Centres and sessions come from Teeka’s public API, which answers like Co-WIN’s.',
    apiDocs: 'API documentation',
  },
  notFound: {
    heading: 'Page not found',
    body: 'There is no page at this address.',
    home: 'Find a vaccination centre',
  },
};

export type Messages = typeof en;
