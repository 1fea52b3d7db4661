import { useEffect, useRef, useState } from 'react';
import { readQrFromCanvas } from './read-qr.js';
import { useVerifyText } from './verify-text.js';

type CameraState = 'off' | 'starting' | 'scanning' | 'unsupported' | 'denied' | 'missing' | 'busy' | 'failed';
type CameraProblem = Exclude<CameraState, 'off' | 'starting' | 'scanning'>;

/** Why getUserMedia failed, in the terms the page explains (names from the Media Capture spec). */
function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

// Frames are read at most this wide: enough for a certificate's QR held at arm's length, and small
// enough that a cheap phone decodes a frame well within the next one.
const FRAME_WIDTH = 800;

/**
 * Reads a QR code from the rear camera. The camera runs only between "Start" and a found code,
 * "Stop", or leaving the page: the light next to the lens must never stay on behind the verifier's back.
 */
export function CameraScanner({ onFound }: { onFound: (text: string) => void }) {
  const { text } = useVerifyText();
  const [state, setState] = useState<CameraState>('off');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const frame = useRef<number | undefined>(undefined);
  // Bumped by every start and stop, so a getUserMedia that answers late knows it is no longer wanted.
  const attempt = useRef(0);
  const found = useRef(onFound);
  useEffect(() => {
    found.current = onFound;
  }, [onFound]);

  function stopCamera() {
    attempt.current += 1;
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    frame.current = undefined;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = undefined;
    if (video.current) video.current.srcObject = null;
  }

  // Leaving the page turns the camera off.
  useEffect(() => stopCamera, []);

  async function startCamera() {
    stopCamera();
    const mine = attempt.current;
    // No mediaDevices at all on plain http (other than localhost) and in some in-app browsers.
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unsupported');
      return;
    }
    setState('starting');
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    } catch (error) {
      if (mine === attempt.current) setState(problemOf(error));
      return;
    }
    if (mine !== attempt.current) {
      media.getTracks().forEach((track) => track.stop());
      return;
    }
    stream.current = media;
    setState('scanning');
  }

  useEffect(() => {
    const element = video.current;
    const media = stream.current;
    if (state !== 'scanning' || !element || !media) return;
    const mine = attempt.current;
    element.srcObject = media;
    element.play().catch(() => {
      if (mine === attempt.current) {
        stopCamera();
        setState('failed');
      }
    });
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let lastTime = -1;
    const scan = () => {
      if (mine !== attempt.current) return;
      // Only new frames are worth reading; rAF runs faster than many phone cameras deliver.
      if (context && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0 && element.currentTime !== lastTime) {
        lastTime = element.currentTime;
        const scale = Math.min(1, FRAME_WIDTH / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const qr = readQrFromCanvas(context, canvas.width, canvas.height);
        if (qr) {
          stopCamera();
          setState('off');
          found.current(qr);
          return;
        }
      }
      frame.current = requestAnimationFrame(scan);
    };
    frame.current = requestAnimationFrame(scan);
    return () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    };
  }, [state]);

  const running = state === 'starting' || state === 'scanning';
  const problem = running || state === 'off' ? undefined : text.camera[state];

  return (
    <section className="verify-method verify-panel" aria-labelledby="verify-camera-heading">
      <h2 id="verify-camera-heading" tabIndex={-1}>{text.camera.heading}</h2>
      {running ? (
        <button type="button" onClick={() => { stopCamera(); setState('off'); }}>{text.camera.stop}</button>
      ) : (
        <button type="button" className="primary" onClick={() => void startCamera()}>{text.camera.start}</button>
      )}
      <div role="status" className="verify-live">
        {state === 'starting' && <p>{text.camera.starting}</p>}
        {state === 'scanning' && <p>{text.camera.scanning}</p>}
      </div>
      <div role="alert" className="verify-live">
        {problem && <p className="notice notice--error">{problem}</p>}
      </div>
      {state === 'scanning' && (
        <div className="camera-frame">
          <video ref={video} aria-label={text.camera.view} muted playsInline />
        </div>
      )}
    </section>
  );
}
