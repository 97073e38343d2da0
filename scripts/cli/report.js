// @ts-check
/**
 * Messages as a compiler prints them, one line each, so an editor or a grep
 * can jump to the place: `file:line:column: severity: reason [source:rule]`.
 */

/**
 * @param {import('vfile').VFile} file
 * @param {{ quiet?: boolean }} options
 */
export function formatMessages(file, options = {}) {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .filter((message) => !options.quiet || message.fatal !== undefined)
    .map((message) => {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info';
      const rule = [message.source, message.ruleId].filter(Boolean).join(':');
      return `${file.path}${place}: ${severity}: ${message.reason}${rule ? ` [${rule}]` : ''}`;
    })
    .join('\n');
}
