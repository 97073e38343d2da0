/** The part of ejs the EPUB writer uses (ejs ships no types and @types/ejs is not installed). */
declare module 'ejs' {
  export function render(template: string, data?: Record<string, unknown>): string;
}
