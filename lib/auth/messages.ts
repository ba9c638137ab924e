// Sign-in error codes (what next-auth passes to the client as `error`) and the words shown for them.
// No server imports: the login form (a client component) uses this file too.
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  rateLimited: 'RateLimited',
  unavailable: 'Unavailable',
  serverError: 'ServerError',
} as const;

/** The same message for an unknown e-mail, a wrong password and a deactivated account. */
export const INVALID_CREDENTIALS_MESSAGE = 'Incorrect e-mail or password.';

export const RATE_LIMITED_MESSAGE =
  'Too many failed sign-in attempts. Wait 15 minutes and try again, or ask an administrator to reset your password.';

const UNAVAILABLE_MESSAGE = 'Sign-in is unavailable right now (the database cannot be reached). Try again shortly.';

const SERVER_ERROR_MESSAGE = 'Something went wrong while signing you in. Try again in a moment.';

export function signInErrorMessage(code: string | null | undefined): string {
  if (code === SIGN_IN_ERRORS.rateLimited) return RATE_LIMITED_MESSAGE;
  if (code === SIGN_IN_ERRORS.unavailable) return UNAVAILABLE_MESSAGE;
  if (code === SIGN_IN_ERRORS.serverError) return SERVER_ERROR_MESSAGE;
  return INVALID_CREDENTIALS_MESSAGE;
}
