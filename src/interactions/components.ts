/**
 * Every component the bot draws, declared once: its action (the custom id's second part), which
 * interactions it sends (a button click, a select, a modal submit) and the arguments its id carries.
 * The custom id codec, the parser and the handlers' types all follow from this table, so a handler
 * cannot read an argument its id does not carry or receive a kind of interaction it never sends.
 */
export const COMPONENTS = {
  // avatar results
  reroll: { sends: ['button'], args: ['jobId'] },
  variations: { sends: ['button'], args: ['jobId', 'image'] },
  hd: { sends: ['button'], args: ['jobId', 'image'] },
  animate: { sends: ['button'], args: ['jobId', 'image'] },
  delete: { sends: ['button'], args: ['jobId'] },
  // the animate panel (its selects and its Render button) and confirmations
  panel: { sends: ['select', 'button'], args: ['panelId', 'field'] },
  confirm: { sends: ['button'], args: ['pendingId'] },
  cancel: { sends: ['button'], args: ['pendingId'] },
  // video results
  voice: { sends: ['button'], args: ['jobId'] },
  voicemodal: { sends: ['modal'], args: ['jobId'] },
  rerender: { sends: ['button'], args: ['jobId'] },
  // /avatar without a prompt
  promptmodal: { sends: ['modal'], args: ['draftId'] },
  // the consent line of a photo avatar and the confirmation of a voice clone
  likeness: { sends: ['button'], args: ['pendingId', 'answer'] },
  // /gallery paging
  gallery: { sends: ['button'], args: ['ownerId', 'page', 'direction'] },
} as const satisfies Record<string, { sends: readonly ComponentKind[]; args: readonly string[] }>;

export type ComponentKind = 'button' | 'select' | 'modal';

export type CustomIdAction = keyof typeof COMPONENTS;

/** The kinds of interaction an action's component sends. */
export type KindOf<A extends CustomIdAction> = (typeof COMPONENTS)[A]['sends'][number];

/** The arguments an action's id carries, by name, as the handler receives them. */
export type ComponentArgs<A extends CustomIdAction> = {
  -readonly [Name in (typeof COMPONENTS)[A]['args'][number]]: string;
};

/** One value per argument, in order, as the codec writes them. */
export type ComponentArgValues<A extends CustomIdAction> = ValuesFor<(typeof COMPONENTS)[A]['args']>;

/** Mapped over a type parameter, so a tuple stays a tuple of the same length. */
type ValuesFor<Names extends readonly string[]> = { -readonly [I in keyof Names]: string | number };

/** Names the positional arguments of a parsed id. */
export function namedArgs<A extends CustomIdAction>(action: A, values: readonly string[]): ComponentArgs<A> {
  const names: readonly string[] = COMPONENTS[action].args;
  return Object.fromEntries(names.map((name, index) => [name, values[index] ?? ''])) as ComponentArgs<A>;
}
