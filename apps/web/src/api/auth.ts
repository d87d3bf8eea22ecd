// Types only: importing values from contracts would bundle zod into the studio.
import type { LoginRequest, PublicUser, SignUpRequest, UserRole } from '@cadenza/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, requestJson } from './http.js';

export type Role = UserRole;
export type User = PublicUser;
export type SignupInput = SignUpRequest;
export type LoginInput = LoginRequest;

/** The server may answer with the user itself or `{ user }`; both are accepted. */
function userFrom(body: User | { readonly user: User }): User {
  return 'user' in body ? body.user : body;
}

export const ME_KEY = ['auth', 'me'] as const;

/** The logged-in user, or null when logged out (401). Other failures are errors. */
export async function fetchMe(): Promise<User | null> {
  try {
    return userFrom(await requestJson<User | { readonly user: User }>('/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    if (error instanceof ApiError && error.status === 404) {
      throw new ApiError(404, error.code, 'Accounts are not available on this server yet.');
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useSignup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignupInput) =>
      userFrom(
        await requestJson<User | { readonly user: User }>('/auth/signup', { method: 'POST', body: input }),
      ),
    onSuccess: (user) => {
      client.setQueryData(ME_KEY, user);
      void client.invalidateQueries({ queryKey: ['library'] });
    },
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) =>
      userFrom(
        await requestJson<User | { readonly user: User }>('/auth/login', { method: 'POST', body: input }),
      ),
    onSuccess: (user) => {
      client.setQueryData(ME_KEY, user);
      void client.invalidateQueries({ queryKey: ['library'] });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<unknown>('/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      client.setQueryData(ME_KEY, null);
      client.removeQueries({ queryKey: ['library'] });
    },
  });
}
