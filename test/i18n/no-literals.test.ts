import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every file that can put words in front of a member or an admin: all of src/commands (but its data,
 * the English source of the command localizations) and src/services/delivery, and the services
 * below that write the text of a refusal, a failure or an alert.
 */
const MEMBER_FACING_SERVICES = [
  'src/events/interaction-create.ts',
  'src/services/credits/guild-settings.ts',
  'src/services/credits/ledger-grants.ts',
  'src/services/credits/ledger-limits.ts',
  'src/services/i18n/spoken-languages.ts',
  'src/services/jobs/avatar-kind.ts',
  'src/services/member-files/photo-check.ts',
  'src/services/member-files/voice-sample-check.ts',
  'src/services/ops/alert-watch.ts',
  'src/services/ops/daily-reconciliation.ts',
  'src/services/voices/catalog.ts',
];

function tsFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name).split(sep).join('/'));
}

const CHECKED = [
  ...tsFilesUnder('src/commands').filter((file) => !file.startsWith('src/commands/data/')),
  ...tsFilesUnder('src/services/delivery'),
  ...MEMBER_FACING_SERVICES,
].sort();

/**
 * Files not converted yet (issue 15), by catalog area (src/services/i18n/catalogs/<area>/). A file
 * leaves this list when its words come from the catalog; the test below fails if a listed file has
 * no literal left, so the list only ever shrinks.
 */
const PENDING = new Set([
  // avatar
  'src/commands/avatar-buttons.ts',
  'src/commands/avatar-job.ts',
  'src/commands/avatar-photo.ts',
  'src/commands/avatar.ts',
  'src/commands/gallery.ts',
  'src/commands/likeness-buttons.ts',
  'src/commands/likeness-consent.ts',
  'src/commands/one-click.ts',
  'src/services/delivery/avatar-replies.ts',
  'src/services/delivery/gallery-replies.ts',
  'src/services/delivery/photo-avatar-replies.ts',
  'src/services/delivery/progress-text.ts',
  'src/services/delivery/style.ts',
  'src/services/jobs/avatar-kind.ts',
  'src/services/member-files/photo-check.ts',

  // animate
  'src/commands/animate-confirm.ts',
  'src/commands/animate-job.ts',
  'src/commands/animate-panel.ts',
  'src/commands/voice-clone.ts',
  'src/commands/voice.ts',
  'src/services/delivery/video-replies.ts',
  'src/services/delivery/voice-replies.ts',
  'src/services/member-files/voice-sample-check.ts',
  'src/services/voices/catalog.ts',

  // quota
  'src/commands/quota-access.ts',
  'src/commands/quota-alerts.ts',
  'src/commands/quota-books.ts',
  'src/commands/quota-credits.ts',
  'src/commands/quota-features.ts',
  'src/commands/quota-settings.ts',
  'src/services/credits/guild-settings.ts',
  'src/services/credits/ledger-grants.ts',
  'src/services/credits/ledger-limits.ts',
  'src/services/delivery/feature-replies.ts',
  'src/services/delivery/quota-replies.ts',
  'src/services/ops/alert-watch.ts',
  'src/services/ops/daily-reconciliation.ts',

  // guide
  'src/commands/launch-job.ts',
]);

/**
 * Words a person reads: a letter and a space, a letter outside ASCII (Japanese, "É"…), or one
 * capitalised word ("Granted", "None"); lowercase single words are identifiers (`member`, `flux`).
 */
const READABLE = /(?=.*\p{L})(?=.*(\s|[^\p{ASCII}]))|^\p{Lu}\p{Ll}+[.!?]?$/su;

/** Where text is for developers, not members: logs and programming errors. */
function forDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (
      ts.isCallExpression(at) &&
      /\blogger\.(trace|debug|info|warn|error|fatal)$/.test(at.expression.getText())
    )
      return true;
    if (ts.isNewExpression(at) && at.expression.getText() === 'Error') return true;
  }
  return false;
}

/** A literal that is code, not text: an object key, a module path, a literal type. */
function structural(node: ts.Node): boolean {
  const parent = node.parent as ts.Node | undefined;
  if (!parent) return true;
  return (
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent)
  );
}

function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
          : undefined;
    if (text !== undefined && READABLE.test(text) && !structural(node) && !forDevelopers(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('member-facing files', () => {
  it.each(CHECKED.filter((file) => !PENDING.has(file)).map((file) => [file]))(
    '%s shows members no literal text',
    (file) => {
      expect(literalsIn(file)).toEqual([]);
    },
  );

  it.each([...PENDING].map((file) => [file]))('%s, still pending, has literals left', (file) => {
    expect(CHECKED, 'a pending file must be one the check covers').toContain(file);
    expect(literalsIn(file).length, 'converted: remove it from PENDING').toBeGreaterThan(0);
  });
});
