/**
 * React access to the staff directory (staffDirectory.ts): {@link useStaffDirectory} returns the
 * live directory of the running sync engine — `displayName(name)` falls back to the user name
 * while `directory:staff` has not synced — and {@link StaffDirectoryProvider} lets a test or a
 * preview supply a fixed one.
 */
import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useSyncEngine } from '../../db/hooks';
import {
  staffDirectoryStoreFor,
  staffMemberOf,
  staticStaffDirectoryStore,
  type ShownStaffMember,
  type StaffDirectory,
} from './staffDirectory';

const StaffDirectoryContext = createContext<StaffDirectory | null>(null);

/** Supplies a fixed directory to everything below it (tests, previews). */
export function StaffDirectoryProvider({
  directory,
  children,
}: {
  readonly directory: StaffDirectory;
  readonly children: ReactNode;
}) {
  return createElement(StaffDirectoryContext.Provider, { value: directory }, children);
}

/** The staff directory: a provided one, else the running engine's (live), else an empty one. */
export function useStaffDirectory(): StaffDirectory {
  const provided = useContext(StaffDirectoryContext);
  const engine = useSyncEngine();
  const store = provided ? staticStaffDirectoryStore(provided) : staffDirectoryStoreFor(engine);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * How to show one user (the signed-in user in the header, an author, a judge): display name and
 * title from the staff directory, the user name until the directory lists them.
 */
export function useStaffMember(name: string): ShownStaffMember {
  return staffMemberOf(useStaffDirectory(), name);
}
