import { expect, it } from 'vitest';
import { COMMAND_DATA } from '../../src/commands/data/index.js';

// Command data is the same on every server, but each server's admins set its own longest video and
// most images: so what members read while typing names none of those limits (/help shows this server's).

interface Described {
  name: string;
  description?: string;
  options?: readonly Described[];
  choices?: readonly { name: string }[];
}

/** Every description and choice name a member reads in the command picker, with where it is. */
function texts(node: Described, path: string): Array<[string, string]> {
  const here = `${path} ${node.name}`.trim();
  return [
    ...(node.description ? [[here, node.description] as [string, string]] : []),
    ...(node.choices ?? []).map((choice) => [`${here}:${choice.name}`, choice.name] as [string, string]),
    ...(node.options ?? []).flatMap((option) => texts(option, here)),
  ];
}

it("names no video length or image count that a server can lower, in the members' commands", () => {
  const members = COMMAND_DATA.filter((data) => !('default_member_permissions' in data));
  const all = members.flatMap((data) => texts(data as Described, ''));
  expect(all.length).toBeGreaterThan(20);
  const advertised = all.filter(([, text]) => /up to \d+|\d+\s*[–-]\s*\d+\s*s\b|\b1\s*[–-]\s*4\b/.test(text));
  expect(advertised).toEqual([]);
});
