// Connect data-table shapes as the suite uses them (member names as the service model spells them).

export const LOCK_LEVELS = ['NONE', 'DATA_TABLE', 'PRIMARY_VALUE', 'ATTRIBUTE', 'VALUE'] as const;
export type LockLevel = (typeof LOCK_LEVELS)[number];

export const VALUE_TYPES = ['TEXT', 'NUMBER', 'BOOLEAN', 'TEXT_LIST', 'NUMBER_LIST'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface Validation {
  MinLength?: number;
  MaxLength?: number;
  MinValues?: number;
  MaxValues?: number;
  Minimum?: number;
  Maximum?: number;
  ExclusiveMinimum?: number;
  ExclusiveMaximum?: number;
  MultipleOf?: number;
  Enum?: { Strict?: boolean; Values?: string[] };
}

export interface AttributeDef {
  name: string;
  valueType: ValueType;
  primary: boolean;
  validation?: Validation;
}

export interface PrimaryValue {
  AttributeName: string;
  Value: string;
}

/** The four lock version components; tokens are opaque strings. */
export interface LockVersion {
  DataTable?: string;
  Attribute?: string;
  PrimaryValues?: string;
  Value?: string;
}
export const LOCK_COMPONENTS = ['DataTable', 'Attribute', 'PrimaryValues', 'Value'] as const;
export type LockComponent = (typeof LOCK_COMPONENTS)[number];

/** One item of BatchCreate/BatchUpdate (Value set) or BatchDelete (Value absent). */
export interface ValueItem {
  PrimaryValues?: PrimaryValue[];
  AttributeName: string;
  Value?: string;
  LockVersion?: LockVersion;
  LastModifiedTime?: number;
  LastModifiedRegion?: string;
}

export interface SuccessEntry {
  PrimaryValues?: PrimaryValue[];
  AttributeName?: string;
  RecordId?: string;
  LockVersion?: LockVersion;
}
export interface FailureEntry {
  PrimaryValues?: PrimaryValue[];
  AttributeName?: string;
  Message?: string;
}
export interface BatchResult {
  Successful?: SuccessEntry[];
  Failed?: FailureEntry[];
}

export interface DescribedValue {
  RecordId?: string;
  PrimaryValues?: Array<{ AttributeName?: string; Value?: string; AttributeId?: string }>;
  AttributeName?: string;
  Value?: string;
  LockVersion?: LockVersion;
  LastModifiedTime?: unknown;
  LastModifiedRegion?: unknown;
}

/** The component a lock level checks (CONNECT-LOCK-1); NONE checks none. */
export function lockedComponent(level: LockLevel): LockComponent | undefined {
  switch (level) {
    case 'DATA_TABLE':
      return 'DataTable';
    case 'PRIMARY_VALUE':
      return 'PrimaryValues';
    case 'ATTRIBUTE':
      return 'Attribute';
    case 'VALUE':
      return 'Value';
    default:
      return undefined;
  }
}
