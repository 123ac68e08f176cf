// Typed Adaptive Card 1.5 elements: exactly the subset the renderer emits, with the property
// names and enum values of the Adaptive Card 1.5 schema, so a misspelt property is a compile
// error rather than a card Teams silently refuses. Builders leave out unset optional properties.

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type Color = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type FontSize = 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
export type FontWeight = 'default' | 'lighter' | 'bolder';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type ActionStyle = 'default' | 'positive' | 'destructive';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: FontSize;
  weight?: FontWeight;
  color?: Color;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: Element[];
  style?: ContainerStyle;
}

export interface Column {
  type: 'Column';
  items: Element[];
  width?: 'auto' | 'stretch' | number;
  spacing?: Spacing;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: Action[];
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  value?: string;
  placeholder?: string;
  wrap?: boolean;
}

export interface InputDate extends InputBase {
  type: 'Input.Date';
  value?: string;
  placeholder?: string;
}

export interface InputTime extends InputBase {
  type: 'Input.Time';
  value?: string;
  placeholder?: string;
}

export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export interface InputNumber extends InputBase {
  type: 'Input.Number';
  value?: number;
  placeholder?: string;
  min?: number;
  max?: number;
}

export type Input = InputText | InputChoiceSet | InputDate | InputTime | InputToggle | InputNumber;
export type Element = TextBlock | FactSet | Container | ColumnSet | ActionSet | Input;

/** What the card sends back: our routing data (see submit.ts), merged with the inputs' values. */
export type ActionData = Record<string, unknown>;

export interface ActionSubmit {
  type: 'Action.Submit';
  title: string;
  data?: ActionData;
  style?: ActionStyle;
  associatedInputs?: 'auto' | 'none';
}

export interface ActionExecute {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: ActionData;
  style?: ActionStyle;
  associatedInputs?: 'auto' | 'none';
  /** for hosts before 1.4: the same click as an Action.Submit */
  fallback?: ActionSubmit;
}

export type Action = ActionExecute | ActionSubmit;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: Element[];
  actions?: Action[];
  /** shown by hosts that cannot render the card; also read in notifications */
  fallbackText?: string;
  speak?: string;
}

type Options<T, K extends keyof T> = Omit<T, 'type' | K>;

/** Drops undefined properties so the JSON has only what was set. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const textBlock = (text: string, options: Options<TextBlock, 'text'> = {}): TextBlock =>
  defined({ type: 'TextBlock', text, wrap: true, ...options });

export const factSet = (facts: Fact[], options: Options<FactSet, 'facts'> = {}): FactSet =>
  defined({ type: 'FactSet', facts, ...options });

export const container = (items: Element[], options: Options<Container, 'items'> = {}): Container =>
  defined({ type: 'Container', items, ...options });

export const column = (items: Element[], width: Column['width'] = 'stretch', spacing?: Spacing): Column =>
  defined({ type: 'Column', items, width, spacing });

export const columnSet = (columns: Column[], options: Options<ColumnSet, 'columns'> = {}): ColumnSet =>
  defined({ type: 'ColumnSet', columns, ...options });

export const actionSet = (actions: Action[], options: Options<ActionSet, 'actions'> = {}): ActionSet =>
  defined({ type: 'ActionSet', actions, ...options });

export const inputText = (id: string, options: Options<InputText, 'id'> = {}): InputText =>
  defined({ type: 'Input.Text', id, ...options });

export const inputChoiceSet = (
  id: string,
  choices: Choice[],
  options: Options<InputChoiceSet, 'id' | 'choices'> = {},
): InputChoiceSet => defined({ type: 'Input.ChoiceSet', id, choices, ...options });

export const inputDate = (id: string, options: Options<InputDate, 'id'> = {}): InputDate =>
  defined({ type: 'Input.Date', id, ...options });

export const inputTime = (id: string, options: Options<InputTime, 'id'> = {}): InputTime =>
  defined({ type: 'Input.Time', id, ...options });

export const inputToggle = (
  id: string,
  title: string,
  options: Options<InputToggle, 'id' | 'title'> = {},
): InputToggle => defined({ type: 'Input.Toggle', id, title, ...options });

export const inputNumber = (id: string, options: Options<InputNumber, 'id'> = {}): InputNumber =>
  defined({ type: 'Input.Number', id, ...options });

export const actionSubmit = (
  title: string,
  data: ActionData,
  options: Options<ActionSubmit, 'title' | 'data'> = {},
): ActionSubmit => defined({ type: 'Action.Submit', title, data, ...options });

/** Universal Actions: Teams answers with an `adaptiveCard/action` invoke; older hosts fall back to Action.Submit. */
export const actionExecute = (
  title: string,
  verb: string,
  data: ActionData,
  options: Options<ActionExecute, 'title' | 'verb' | 'data' | 'fallback'> = {},
): ActionExecute =>
  defined({
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...options,
    fallback: actionSubmit(title, data, defined({ style: options.style, associatedInputs: options.associatedInputs })),
  });

export const adaptiveCard = (
  body: Element[],
  options: Options<AdaptiveCard, 'body' | '$schema' | 'version'> = {},
): AdaptiveCard => defined({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, ...options });
