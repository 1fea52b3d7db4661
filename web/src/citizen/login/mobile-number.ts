/**
 * What people type for a mobile: "98765 43210", "+91 9876543210", "09876543210". Only the 10
 * digits count; whether they start 6-9 is checked here for a quick answer and again by the server.
 */
export function normaliseMobile(text: string): string | undefined {
  const digits = text.replace(/[\s\-()]/g, '').replace(/^(\+91|0091|91(?=\d{10}$)|0(?=\d{10}$))/, '');
  return /^[6-9]\d{9}$/.test(digits) ? digits : undefined;
}

export function normaliseOtp(text: string): string | undefined {
  const digits = text.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
