/**
 * What `naq fill` needs from a terminal: four kinds of question. The real one (io/prompter/inquirer.ts)
 * asks through @inquirer/prompts; tests script a fake. Every request carries a stable `key` (such as
 * `value:DET.01`) that names what is asked, so a script can follow the session without its wording.
 * Cancelling (Ctrl-C) rejects with CancelledError.
 */
export interface Prompter {
  select<V>(request: SelectRequest<V>): Promise<V>;
  checkbox<V>(request: CheckboxRequest<V>): Promise<V[]>;
  input(request: InputRequest): Promise<string>;
  /** A yes-or-no question about what fill is about to do (not an answer to the questionnaire). */
  confirm(request: ConfirmRequest): Promise<boolean>;
}

export interface PromptChoice<V> {
  readonly value: V;
  readonly name: string;
  /** Shown under the list while the choice is highlighted. */
  readonly description?: string;
  /** What the finished prompt shows as the answer (default: `name`). */
  readonly short?: string;
  /** Ticked at the start (checkbox only). */
  readonly checked?: boolean;
}

/** A choice, or a heading line between choices. */
export type PromptItem<V> = PromptChoice<V> | { readonly separator: string };

export interface SelectRequest<V> {
  readonly key: string;
  readonly message: string;
  readonly choices: readonly PromptItem<V>[];
  /** The value highlighted at the start. */
  readonly default?: V;
  readonly pageSize?: number;
}

export interface CheckboxRequest<V> {
  readonly key: string;
  readonly message: string;
  readonly choices: readonly PromptChoice<V>[];
  readonly pageSize?: number;
}

export interface InputRequest {
  readonly key: string;
  readonly message: string;
  /** Text already in the field, editable. */
  readonly initial?: string;
  /** Why the text is refused (shown under the field, which stays open), or undefined to accept it. */
  readonly validate?: (text: string) => string | undefined;
}

export interface ConfirmRequest {
  readonly key: string;
  readonly message: string;
  /** What Enter alone answers. */
  readonly default: boolean;
}

export const isSeparator = <V>(item: PromptItem<V>): item is { readonly separator: string } => "separator" in item;
