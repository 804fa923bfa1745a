import { ApplicationCommandOptionType } from 'discord-api-types/v10';

/**
 * What Discord's own client checks in the message box before it sends a slash command: a value the
 * option's type, range, length or choices do not allow is marked in red and never reaches the bot. The
 * emulator refuses the same values, so a test (or the playground) cannot send what no member could.
 */

/** The client refused to send this command; `message` is what it shows under the message box. */
export class ClientRefusal extends Error {
  override readonly name = 'ClientRefusal';
}

/** Integer and number options take values between -2^53 and 2^53 (Discord's documented range). */
const LARGEST = 2 ** 53;

/** The parts of an option definition the client reads to judge a value. */
export interface OptionRules {
  type: number;
  name: string;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  choices?: readonly { name: string; value: unknown }[];
}

const T = ApplicationCommandOptionType;

function numberFrom(value: string | number | boolean, integer: boolean): number | string {
  const text = typeof value === 'string' ? value.trim() : value;
  // Number('') is 0 and Number(true) is 1: neither is a number the member typed.
  if (typeof text === 'boolean' || text === '') return integer ? 'needs a whole number' : 'needs a number';
  const number = Number(text);
  if (!Number.isFinite(number)) return integer ? 'needs a whole number' : 'needs a number';
  if (integer && !Number.isInteger(number)) return 'needs a whole number';
  if (Math.abs(number) > LARGEST) return `must be between -${LARGEST} and ${LARGEST}`;
  return number;
}

function rangeProblem(rules: OptionRules, number: number): string | undefined {
  const { min_value: min, max_value: max } = rules;
  if (min !== undefined && max !== undefined && (number < min || number > max))
    return `must be between ${min} and ${max}`;
  if (min !== undefined && number < min) return `must be ${min} or more`;
  if (max !== undefined && number > max) return `must be ${max} or less`;
  return undefined;
}

/** Discord counts characters, not UTF-16 units: an emoji is one. */
function lengthProblem(rules: OptionRules, text: string): string | undefined {
  const length = [...text].length;
  if (rules.min_length !== undefined && length < rules.min_length)
    return `needs at least ${rules.min_length} characters`;
  if (rules.max_length !== undefined && length > rules.max_length)
    return `takes at most ${rules.max_length} characters`;
  return undefined;
}

/**
 * The value a string, integer, number or boolean option sends, as Discord's client would accept it, or
 * a ClientRefusal naming what is wrong. Other types (users, channels, files) are resolved elsewhere.
 */
export function acceptedValue(
  command: string,
  rules: OptionRules,
  value: string | number | boolean,
): string | number | boolean {
  const refuse = (problem: string): never => {
    throw new ClientRefusal(`/${command} ${rules.name}: ${problem}`);
  };
  let accepted: string | number | boolean;
  switch (rules.type) {
    case T.String: {
      accepted = String(value);
      const problem = lengthProblem(rules, accepted);
      if (problem) refuse(problem);
      break;
    }
    case T.Integer:
    case T.Number: {
      const number = numberFrom(value, rules.type === T.Integer);
      if (typeof number === 'string') return refuse(number);
      const problem = rangeProblem(rules, number);
      if (problem) refuse(problem);
      accepted = number;
      break;
    }
    case T.Boolean:
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return refuse('must be true or false');
    default:
      throw new Error(`/${command} option "${rules.name}" is not a plain value`);
  }
  const choices = rules.choices ?? [];
  if (choices.length > 0 && !choices.some((choice) => choice.value === accepted))
    refuse(`must be one of ${choices.map((choice) => String(choice.value)).join(', ')}`);
  return accepted;
}
