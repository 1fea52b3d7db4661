import { auditHi } from './audit/audit-hi.js';
import { aefiHi } from './aefi/aefi-hi.js';
import { centreHi } from './centre/centre-hi.js';
import { correctionsHi } from './corrections/corrections-hi.js';
import { partnersHi } from './partners/partners-hi.js';
import { securityHi } from './security/security-hi.js';
import { planningHi } from './planning/planning-hi.js';
import type { StaffMessages } from './staff-en.js';
import { stockHi } from './stock/stock-hi.js';
import { walkInHi } from './walk-in/walk-in-hi.js';

/**
 * Hindi for the staff console, as staff say it (OTP, ID, ऐप, QR कोड stay as spoken); digits stay
 * Latin. Place, centre and vaccine names come from the server and are not translated.
 */
export const staffHi: StaffMessages = {
  common: {
    unavailable: 'सर्वर से संपर्क नहीं हो सका। कनेक्शन जाँचें और फिर से कोशिश करें।',
    retry: 'फिर से कोशिश करें',
    loading: 'लोड हो रहा है…',
  },
  console: {
    navLabel: 'स्टाफ़ कंसोल',
    home: 'मुख्य पेज',
    signOut: 'साइन आउट करें',
    signingOut: 'साइन आउट हो रहा है…',
    signedInAs: '{{username}} के रूप में साइन इन',
  },
  roles: {
    national_admin: 'राष्ट्रीय प्रशासक',
    state_admin: 'राज्य प्रशासक',
    district_admin: 'ज़िला प्रशासक',
    facility_admin: 'केंद्र प्रशासक',
    vaccinator: 'टीकाकर्मी',
    auditor: 'ऑडिटर',
  },
  scope: {
    nation: 'पूरा भारत',
    state: 'राज्य: {{name}}',
    district: 'ज़िला: {{name}}',
    facility: 'केंद्र: {{name}}',
  },
  signIn: {
    title: 'स्टाफ़ साइन-इन · टीका',
    heading: 'स्टाफ़ साइन-इन',
    intro: 'टीकाकरण केंद्र के स्टाफ़, प्रशासकों और ऑडिटरों के लिए। नागरिक सार्वजनिक साइट पर लॉग इन करते हैं।',
    username: 'यूज़रनेम',
    password: 'पासवर्ड',
    usernameMissing: 'अपना यूज़रनेम दर्ज करें।',
    passwordMissing: 'अपना पासवर्ड दर्ज करें।',
    submit: 'साइन इन करें',
    submitting: 'जाँच हो रही है…',
    wrongCredentials: 'यूज़रनेम या पासवर्ड गलत है।',
    locked_one: 'साइन इन की बहुत सारी कोशिशें नाकाम रहीं। {{count}} मिनट बाद फिर से कोशिश करें।',
    locked_other: 'साइन इन की बहुत सारी कोशिशें नाकाम रहीं। {{count}} मिनट बाद फिर से कोशिश करें।',
    rateLimited: 'आपके नेटवर्क से साइन इन की बहुत सारी कोशिशें हुई हैं। कुछ देर बाद फिर से कोशिश करें।',
    expired: 'इस साइन-इन की समय-सीमा खत्म हो गई। यूज़रनेम और पासवर्ड से फिर से शुरू करें।',
    sessionEnded: 'आपका सेशन खत्म हो गया है: 15 मिनट तक कुछ न करने पर, या साइन इन के 12 घंटे बाद सेशन खत्म हो जाता है। कृपया फिर से साइन इन करें।',
    signedOut: 'आपने साइन आउट कर लिया है।',
    codeHeading: 'अपना कोड दर्ज करें',
    codeIntro: 'अपने फ़ोन पर ऑथेंटिकेटर ऐप खोलें और उसमें टीका के लिए दिख रहा 6 अंकों का कोड दर्ज करें।',
    codeLabel: '6 अंकों का कोड',
    codeHint: 'हर 30 सेकंड में नया कोड आता है। हर कोड एक ही बार चलता है।',
    codeMissing: 'ऑथेंटिकेटर ऐप का 6 अंकों का कोड दर्ज करें।',
    codeFormat: 'कोड में 6 अंक होते हैं।',
    codeWrong: 'कोड गलत है या पहले इस्तेमाल हो चुका है। ऑथेंटिकेटर ऐप में अभी दिख रहा 6 अंकों का कोड दर्ज करें।',
    verify: 'आगे बढ़ें',
    verifying: 'कोड की जाँच हो रही है…',
    startAgain: 'यूज़रनेम और पासवर्ड से फिर से शुरू करें',
    enrolHeading: 'अपना ऑथेंटिकेटर ऐप सेट करें',
    enrolIntro: 'यह आपका पहला साइन-इन है। स्टाफ़ खातों के लिए एक दूसरा कदम ज़रूरी है: आपके फ़ोन पर किसी ऑथेंटिकेटर ऐप का कोड, जैसे Google Authenticator, Microsoft Authenticator या FreeOTP।',
    enrolScan: 'ऐप में नया खाता जोड़ें और यह QR कोड स्कैन करें।',
    enrolQrAlt: 'आपके ऑथेंटिकेटर ऐप के लिए QR कोड',
    enrolManual: 'स्कैन नहीं हो रहा? ऐप में “सेटअप की दर्ज करें” चुनें और खाते {{username}} के लिए यह की टाइप करें:',
    enrolKey: 'सेटअप की',
    enrolPrivate: 'यह की किसी को न बताएँ: जिसके पास यह है वह आपके कोड बना सकता है। यह केवल इसी साइन-इन में दिखाई जाती है।',
    enrolCode: 'फिर ऐप में दिख रहा 6 अंकों का कोड दर्ज करें।',
  },
  password: {
    title: 'अपना पासवर्ड चुनें · टीका',
    heading: 'अपना खुद का पासवर्ड चुनें',
    intro: 'आपने एक बार इस्तेमाल होने वाले पासवर्ड से साइन इन किया है। आगे बढ़ने के लिए अपना खुद का पासवर्ड चुनें; अगली बार से इसी से साइन इन करें।',
    current: 'एक बार इस्तेमाल होने वाला पासवर्ड',
    currentHint: 'आपको दिया गया पासवर्ड, जिससे आपने अभी साइन इन किया।',
    changeHeading: 'अपना पासवर्ड बदलें',
    changeIntro: 'नया पासवर्ड चुनें। इसे सहेजते ही आपके दूसरे सेशन खत्म हो जाएँगे।',
    currentOwn: 'मौजूदा पासवर्ड',
    next: 'नया पासवर्ड',
    nextHint: 'कम से कम 12 अक्षर, और इसमें आपका यूज़रनेम न हो। कुछ बेमेल शब्द मिलाकर मज़बूत और याद रखने में आसान पासवर्ड बनता है।',
    confirm: 'नया पासवर्ड दोबारा',
    currentMissing: 'अपना मौजूदा पासवर्ड दर्ज करें।',
    nextMissing: 'नया पासवर्ड दर्ज करें।',
    tooShort: 'नया पासवर्ड कम से कम 12 अक्षरों का होना चाहिए।',
    tooLong: 'नया पासवर्ड ज़्यादा से ज़्यादा 256 अक्षरों का हो सकता है।',
    containsUsername: 'नए पासवर्ड में आपका यूज़रनेम नहीं होना चाहिए।',
    sameAsCurrent: 'नया पासवर्ड मौजूदा पासवर्ड से अलग होना चाहिए।',
    mismatch: 'दोनों नए पासवर्ड एक जैसे नहीं हैं। नया पासवर्ड फिर से टाइप करें।',
    wrongCurrent: 'मौजूदा पासवर्ड गलत है।',
    submit: 'पासवर्ड सहेजें',
    submitting: 'सहेजा जा रहा है…',
    changed: 'आपका पासवर्ड बदल दिया गया है।',
  },
  home: {
    title: 'स्टाफ़ कंसोल · टीका',
    heading: 'स्टाफ़ कंसोल',
    role: 'भूमिका',
    scope: 'आपका कार्यक्षेत्र',
    sections: 'आप क्या कर सकते हैं',
  },
  gate: {
    heading: 'आपकी भूमिका के लिए उपलब्ध नहीं',
    body: 'आपकी भूमिका ({{role}}) में यह पेज शामिल नहीं है।',
  },
  notFound: {
    heading: 'पेज नहीं मिला',
    body: 'इस पते पर स्टाफ़ का कोई पेज नहीं है।',
    home: 'स्टाफ़ कंसोल पर जाएँ',
  },
  day: centreHi.day,
  encounter: centreHi.encounter,
  walkIn: walkInHi,
  aefi: aefiHi,
  stock: stockHi,
  audit: auditHi,
  corrections: correctionsHi,
  planning: planningHi,
  partners: partnersHi,
  security: securityHi,
};
