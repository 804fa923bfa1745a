import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  'src/services/jobs/video-kind.ts',
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
          ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
          : undefined;
    // A template is read piece by piece: `photo.${format}` builds a name, `${n} credits` a sentence.
    const pieces = text === undefined ? [] : Array.isArray(text) ? text : [text];
    if (pieces.some((piece) => READABLE.test(piece)) && !structural(node) && !forDevelopers(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: ${pieces.join('…')}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('member-facing files', () => {
  it.each(CHECKED.map((file) => [file]))('%s shows members no literal text', (file) => {
    expect(literalsIn(file)).toEqual([]);
  });

  it('would catch a literal: a sentence in a string or in a template, not a name built from parts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'percify-literals-'));
    const file = join(dir, 'reply.ts');
    writeFileSync(
      file,
      [
        "export const title = 'Your avatar is ready';",
        'export const count = (n: number) => `${n} credits left`;',
        "export const key = 'avatar';",
        'export const name = (format: string) => `photo.${format}`;',
        "export const log = (logger: { info(m: string): void }) => logger.info('job started now');",
      ].join('\n'),
    );
    try {
      expect(literalsIn(file).map((found) => found.replace(/^.*?:\d+: /, ''))).toEqual([
        'Your avatar is ready',
        '… credits left',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
