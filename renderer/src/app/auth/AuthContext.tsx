import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AuthError, type Session, type SessionClient } from './sessionApi';
import {
  clearPendingSignOut,
  forgetSession,
  rememberedSession,
  rememberSession,
  signOutPending,
} from './sessionCache';

/** Why the sign-in screen is showing, when there is something to tell the user. */
export type SignedOutNotice = 'expired' | 'signedOut' | 'startupUnreachable';

/** The authentication state of the app. */
export type AuthState =
  | { readonly status: 'loading' }
  /** Sync stopped (its live feeds free the browser's connections), the server session being deleted. */
  | { readonly status: 'signingOut' }
  | { readonly status: 'signedOut'; readonly notice?: SignedOutNotice }
  /** `verified: false` — started offline as the user last signed in on this PC. */
  | { readonly status: 'signedIn'; readonly session: Session; readonly verified: boolean };

interface AuthValue {
  readonly state: AuthState;
  /** Signs in; rejects with an {@link AuthError} the sign-in form translates. */
  readonly signIn: (name: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  /** Re-checks an unverified session once the server answers again. */
  readonly revalidate: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Props of {@link AuthProvider}. */
export interface AuthProviderProps {
  readonly client: SessionClient;
  readonly store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly children: ReactNode;
}

/** Owns the session: resolves it at start, signs in and out. */
export function AuthProvider({ client, store, children }: AuthProviderProps) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    async function resolveStartSession(): Promise<AuthState> {
      if (signOutPending(store)) {
        try {
          await client.signOut();
          clearPendingSignOut(store);
        } catch {
          // Still offline: the mark stays and the user signs in again either way.
        }
        return { status: 'signedOut' };
      }
      try {
        const session = await client.getSession();
        if (!session) return { status: 'signedOut' };
        rememberSession(store, session);
        return { status: 'signedIn', session, verified: true };
      } catch (err) {
        const unreachable = err instanceof AuthError && err.kind === 'unreachable';
        const cached = unreachable ? rememberedSession(store) : null;
        if (cached) return { status: 'signedIn', session: cached, verified: false };
        return { status: 'signedOut', ...(unreachable ? { notice: 'startupUnreachable' as const } : {}) };
      }
    }
    void resolveStartSession().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [client, store]);

  const signIn = useCallback(
    async (name: string, password: string) => {
      const session = await client.signIn(name, password);
      rememberSession(store, session);
      setState({ status: 'signedIn', session, verified: true });
    },
    [client, store],
  );

  const signOut = useCallback(async () => {
    // Owe the sign-out first: a reload or crash while the request is in flight must not resume the
    // server session on the next start. Unmounting the signed-in tree stops sync before the request.
    forgetSession(store, false);
    setState({ status: 'signingOut' });
    try {
      await client.signOut();
      clearPendingSignOut(store);
    } catch {
      // Offline: the mark stays and the next start deletes the server session.
    }
    setState({ status: 'signedOut', notice: 'signedOut' });
  }, [client, store]);

  const revalidate = useCallback(async () => {
    try {
      const session = await client.getSession();
      if (session) {
        rememberSession(store, session);
        setState({ status: 'signedIn', session, verified: true });
      } else {
        setState({ status: 'signedOut', notice: 'expired' });
      }
    } catch {
      // Still unreachable: stay in the unverified offline session.
    }
  }, [client, store]);

  const value = useMemo(() => ({ state, signIn, signOut, revalidate }), [state, signIn, signOut, revalidate]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state and actions. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
