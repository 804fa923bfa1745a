import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The files already converted to the catalog (issue 15) say nothing to members in a literal: every
 * word they show comes from src/services/i18n/catalogs. A file joins this list once it is converted;
 * when every handler and renderer is, the list becomes "all of src/commands and src/services/delivery".
 */
const CONVERTED = [
  'src/commands/credits.ts',
  'src/commands/kit/read-options.ts',
  'src/commands/spoken-language.ts',
  'src/commands/video-buttons.ts',
  'src/events/interaction-create.ts',
  'src/services/delivery/credits-replies.ts',
  'src/services/delivery/refund-reasons.ts',
  'src/services/i18n/spoken-languages.ts',
];

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

describe('converted files', () => {
  it.each(CONVERTED.map((file) => [file]))('%s shows members no literal text', (file) => {
    expect(literalsIn(file)).toEqual([]);
  });

  it('would catch a literal: the check finds one in a file not yet converted', () => {
    expect(literalsIn('src/services/delivery/quota-replies.ts').length).toBeGreaterThan(0);
  });
});
