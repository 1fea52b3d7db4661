import type { FastifyHelmetOptions } from '@fastify/helmet';
import { reachedOverTls, type Config } from '../config.js';

/**
 * The browser's half of decision 0018. The web app is one built page whose scripts and styles are
 * files from this origin (Vite writes no inline script or style into dist/web/index.html; React sets
 * `style` through the CSSOM, which CSP does not govern; pictures are data: URLs), so the policy
 * needs neither 'unsafe-inline' nor any other origin. Nothing may frame a page (clickjacking), and
 * no page sends its address, which can carry a reference id, to another site.
 */
export function contentSecurityPolicy(config: Pick<Config, 'tlsCertPath' | 'tlsKeyPath' | 'trustProxy'>): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Over plain HTTP (a laptop) upgrading would break every asset; over TLS it closes mixed content.
    ...(reachedOverTls(config) ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export function serialisePolicy(directives: Record<string, string[]>): string {
  return Object.entries(directives).map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/**
 * The API documentation (/api/docs) is Swagger UI, a third-party page that applies inline styles
 * (Chromium reports the strict policy blocking them as soon as an operation is opened); it gets
 * the same policy with inline styles allowed, and still no inline script. It shows no personal data.
 */
export function docsContentSecurityPolicy(config: Pick<Config, 'tlsCertPath' | 'tlsKeyPath' | 'trustProxy'>): string {
  const directives = contentSecurityPolicy(config);
  return serialisePolicy({ ...directives, 'style-src': ["'self'", "'unsafe-inline'"] });
}

/** Only the certificate verifier uses a device feature (the camera, to read a QR code), and only on this origin. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()';

export const HSTS_MAX_AGE_SECONDS = 31_536_000;

export function helmetOptions(config: Pick<Config, 'tlsCertPath' | 'tlsKeyPath' | 'trustProxy'>): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    // Browsers ignore HSTS over plain HTTP; it is sent when TLS ends here or at a trusted proxy.
    strictTransportSecurity: reachedOverTls(config) ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The public API is read by other origins' scripts (Co-WIN clients ran in browsers too).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  };
}
