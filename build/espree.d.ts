/** The part of espree (ESLint's parser) build/ddocSchemas.ts uses: tokenize and parse by edition. */
declare module 'espree' {
  interface Options {
    ecmaVersion?: number | 'latest';
    range?: boolean;
  }
  export function tokenize(code: string, options?: Options): unknown[];
  export function parse(code: string, options?: Options): unknown;
}
