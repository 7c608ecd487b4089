'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';

export function SignInForm() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(
    trpc.public.auth.signIn.mutationOptions({
      // Full navigation so server components see the new session cookie; the account's language wins.
      onSuccess: (user) => {
        window.location.href = `/${user.locale ?? locale}`;
      },
    }),
  );
  return (
    <form
      className="card narrow"
      onSubmit={(e) => {
        e.preventDefault();
        signIn.mutate({ email, password });
      }}
    >
      <h1>{t('signInTitle')}</h1>
      <label>
        {t('email')}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {signIn.error && (
        <p className="error" role="alert">
          {signIn.error.message}
        </p>
      )}
      <button type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? t('signingIn') : t('signIn')}
      </button>
      <p className="hint">{t('demoHint')}</p>
    </form>
  );
}
