/**
 * Duplicate-party detection while filing (docs/product-rules.md §4.1): parties of cases already in the local
 * replica with the same ID number or the same name. A warning, never a block.
 */
import { useEffect, useState } from 'react';
import type { DuplicatePartyMatch } from '../model/catalogTypes';
import { useCaseCatalog } from '../model/useCaseCatalog';

/** A party as typed so far. */
export interface PartyProbe {
  readonly name: string;
  readonly idNumber?: string;
}

/** Matches for `parties` (debounced 300 ms; empty while nothing is typed or the catalog is loading). */
export function useDuplicateParties(parties: readonly PartyProbe[]): DuplicatePartyMatch[] {
  const catalog = useCaseCatalog().catalog;
  const key = JSON.stringify(parties.map((p) => [p.name.trim(), (p.idNumber ?? '').trim().toUpperCase()]));
  const [matches, setMatches] = useState<DuplicatePartyMatch[]>([]);
  const probes = (JSON.parse(key) as [string, string][])
    .filter(([name, id]) => name.length > 0 || id.length > 0)
    .map(([name, id]) => (id ? { name, idNumber: id } : { name }));
  const active = catalog !== null && probes.length > 0;
  useEffect(() => {
    if (!catalog) return undefined;
    const list = (JSON.parse(key) as [string, string][])
      .filter(([name, id]) => name.length > 0 || id.length > 0)
      .map(([name, id]) => (id ? { name, idNumber: id } : { name }));
    if (list.length === 0) return undefined;
    // The previous result stays on screen until the new one is in (no flicker while typing).
    const timer = setTimeout(() => setMatches(catalog.findDuplicateParties(list)), 300);
    return () => clearTimeout(timer);
  }, [catalog, key]);
  return active ? matches : EMPTY;
}

const EMPTY: DuplicatePartyMatch[] = [];
