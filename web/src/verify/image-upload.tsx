import { useState, type ChangeEvent } from 'react';
import { NotAnImage, readQrFromFile } from './read-qr.js';
import { useVerifyText } from './verify-text.js';

type UploadState = 'idle' | 'reading' | 'not-found' | 'not-image';

/** Reads the QR code in a chosen photo or screenshot; on a phone the picker also offers the camera app. */
export function ImageUpload({ onFound }: { onFound: (text: string) => void }) {
  const { text } = useVerifyText();
  const [state, setState] = useState<UploadState>('idle');

  async function readChosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (a retake with the same name) still counts as a change.
    input.value = '';
    if (!file) return;
    setState('reading');
    try {
      const qr = await readQrFromFile(file);
      if (!qr) {
        setState('not-found');
        return;
      }
      setState('idle');
      onFound(qr);
    } catch (error) {
      setState(error instanceof NotAnImage ? 'not-image' : 'not-found');
    }
  }

  const problem = state === 'not-found' ? text.upload.notFound : state === 'not-image' ? text.upload.notImage : undefined;
  return (
    <section className="verify-method verify-panel" aria-labelledby="verify-upload-heading">
      <h2 id="verify-upload-heading">{text.upload.heading}</h2>
      <div className="field">
        <label htmlFor="verify-image">{text.upload.label}</label>
        <p id="verify-image-hint" className="hint">{text.upload.hint}</p>
        <input
          id="verify-image"
          type="file"
          accept="image/*"
          aria-describedby={problem ? 'verify-image-hint verify-image-error' : 'verify-image-hint'}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => void readChosen(event)}
        />
      </div>
      <div role="status" className="verify-live">{state === 'reading' && <p>{text.upload.reading}</p>}</div>
      <div role="alert" className="verify-live">
        {problem && <p id="verify-image-error" className="notice notice--error">{problem}</p>}
      </div>
    </section>
  );
}
