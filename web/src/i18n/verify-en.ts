/**
 * English for the certificate verification page (`/verify`), bundled with that page so the public
 * search page does not carry it. `verify-hi.ts` must have exactly these keys (the type checker holds
 * it to `VerifyMessages`). Placeholders are written `{{name}}`, as i18next writes them.
 *
 * `reasons` translates the server's explanations (src/modules/certificates/verification.ts), which
 * arrive as English sentences rather than codes: `reasons.*` in this file must be those sentences
 * word for word, or the Hindi page falls back to the server's English.
 */
export const verifyEn = {
  title: 'Verify a certificate · Teeka',
  heading: 'Verify a vaccination certificate',
  intro: 'Check that a COVID-19 vaccination certificate was issued by Teeka and has not been altered or revoked. Scan its QR code with the camera, upload a photo of it, or paste the text of the QR code.',
  camera: {
    heading: 'Scan with the camera',
    start: 'Start the camera',
    stop: 'Stop the camera',
    starting: 'Starting the camera…',
    scanning: 'Hold the QR code steady inside the frame. It is read as soon as it is in focus.',
    view: 'Camera view',
    unsupported: 'This browser cannot use the camera here. Upload a photo of the QR code, or paste its text, instead.',
    denied: 'Teeka was not allowed to use the camera. Allow camera access for this site in your browser’s settings and try again, or upload a photo of the QR code instead.',
    missing: 'No camera was found on this device. Upload a photo of the QR code, or paste its text, instead.',
    busy: 'The camera is being used by another app. Close that app and try again, or upload a photo of the QR code instead.',
    failed: 'The camera could not be started. Try again, or upload a photo of the QR code instead.',
  },
  upload: {
    heading: 'Upload a photo',
    label: 'Photo or image of the certificate',
    hint: 'A photo or screenshot of the QR code, or of the whole certificate.',
    reading: 'Looking for the QR code in the image…',
    notFound: 'No QR code could be found in this image. Take a sharper photo in good light, with the whole QR code in the picture, and try again.',
    notImage: 'This file could not be opened as an image. Choose a photo (JPEG or PNG) or a screenshot.',
  },
  paste: {
    heading: 'Paste the QR code text',
    label: 'Text of the QR code',
    hint: 'It starts with HC1:',
    missing: 'Paste the text of the QR code.',
    tooLong: 'This text is too long to be a certificate’s QR code.',
    submit: 'Check the certificate',
  },
  checking: 'Checking the certificate…',
  unavailable: 'Could not reach the server. Check your internet connection and try again.',
  rejected: 'The server could not check this: {{message}}',
  valid: 'Valid certificate',
  notValid: 'Not valid',
  validSummary: 'This certificate was issued by Teeka and has not been altered or revoked.',
  details: 'Details in the certificate',
  name: 'Name',
  age: 'Age',
  ageYears: '{{age}} years',
  vaccine: 'Vaccine',
  dose: 'Dose',
  doseOf: '{{dose}} of {{total}}',
  date: 'Date of vaccination',
  matchPhotoId: 'Check that the name matches the person’s photo ID.',
  another: 'Check another certificate',
  reasons: {
    signature: 'The signature does not match: the certificate was altered or not issued by Teeka.',
    untrustedKey: 'The certificate was signed with a key Teeka does not trust.',
    expired: 'The certificate has expired.',
    notYetValid: 'The certificate is not valid yet.',
    revoked: 'This certificate has been revoked.',
    unknown: 'Teeka has no record of this certificate.',
    notHc1: 'This is not a Teeka certificate QR code (it should start with HC1:).',
    unreadable: 'The QR code could not be read as a certificate.',
    schema: 'The certificate\'s contents do not follow the EU DCC schema.',
    noVaccination: 'The certificate holds no vaccination.',
  },
};

export type VerifyMessages = typeof verifyEn;
