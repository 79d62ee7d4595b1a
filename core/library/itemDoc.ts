/**
 * The e-library as documents: a `libraryItem:` document holds one item of resources/library (its
 * law, source and 编/章/节/条 structure), so the starter set and the items admins add later are read
 * the same way (starterDocs.ts makes the provisioning documents); {@link libraryItemFromDoc} reads
 * one back with the checks of schema.ts (stable article ids, citations).
 */
import { parseLibraryFile, type LibraryItem } from './schema';

/** The content fields of a `libraryItem` document (the envelope comes from the writer). */
export interface LibraryItemFields {
  readonly law: string;
  readonly lawTitle: string;
  readonly category: string;
  readonly title: string;
  readonly source: Readonly<Record<string, unknown>>;
  readonly divisions?: readonly unknown[];
  readonly articles?: readonly unknown[];
}

/**
 * One `libraryItem` document read as a {@link LibraryItem} (id = the document's id). Throws with
 * the reason when its text breaks a rule of schema.ts (an admin's form shows it before saving).
 */
export function libraryItemFromDoc(doc: Readonly<Record<string, unknown>>): LibraryItem {
  const id = String(doc['_id']);
  const law = String(doc['law']);
  const [item] = parseLibraryFile(id, {
    law,
    title: doc['lawTitle'],
    source: doc['source'],
    items: [
      {
        id: `lib:${law}:item`,
        category: doc['category'],
        title: doc['title'],
        ...(doc['divisions'] === undefined ? {} : { divisions: doc['divisions'] }),
        ...(doc['articles'] === undefined ? {} : { articles: doc['articles'] }),
      },
    ],
  });
  if (!item) throw new Error(`${id}: no item`);
  return { ...item, id, articles: item.articles.map((a) => ({ ...a, itemId: id })) };
}
