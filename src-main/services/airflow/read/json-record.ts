import { isoTime } from './iso-time';

/** A response that does not have the shape its OpenAPI schema promises. Never retried. */
export class AirflowShapeError extends Error {
  constructor(where: string, problem: string) {
    super(`Unexpected response from Airflow (${where}): ${problem}`);
    this.name = 'AirflowShapeError';
  }
}

type Key<T> = Extract<keyof T, string>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A defensive reader over one JSON object from Airflow. `T` is the generated OpenAPI schema
 * (`components['schemas']['DAGRunResponse']`), so field names are checked at compile time, while
 * every value is checked at run time: the server is untrusted and its version may differ from the spec.
 */
export class JsonRecord<T> {
  private constructor(
    private readonly raw: Record<string, unknown>,
    private readonly where: string,
  ) {}

  static of<T>(value: unknown, where: string): JsonRecord<T> {
    if (!isPlainObject(value)) throw new AirflowShapeError(where, 'expected a JSON object');
    return new JsonRecord<T>(value, where);
  }

  has(key: Key<T>): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  /** A required string (an empty string is allowed). */
  str(key: Key<T>): string {
    const v = this.raw[key];
    if (typeof v !== 'string') throw new AirflowShapeError(this.where, `field "${key}" is not a string`);
    return v;
  }

  /** A string, or null when absent, null, empty or of another type. */
  optStr(key: Key<T>): string | null {
    const v = this.raw[key];
    return typeof v === 'string' && v.length > 0 ? v : null;
  }

  num(key: Key<T>): number {
    const v = this.raw[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new AirflowShapeError(this.where, `field "${key}" is not a number`);
    return v;
  }

  optNum(key: Key<T>): number | null {
    const v = this.raw[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  optBool(key: Key<T>): boolean | null {
    const v = this.raw[key];
    return typeof v === 'boolean' ? v : null;
  }

  /** A timestamp normalised to ISO UTC with `Z`, or null. */
  time(key: Key<T>): string | null {
    return isoTime(this.raw[key]);
  }

  /** The string members of an array field (other members are dropped); [] when absent. */
  strArray(key: Key<T>): string[] {
    const v = this.raw[key];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  /** The object members of an array field as readers of schema `U`; [] when absent. */
  records<U>(key: Key<T>): JsonRecord<U>[] {
    const v = this.raw[key];
    if (!Array.isArray(v)) return [];
    return v.filter(isPlainObject).map((item, i) => new JsonRecord<U>(item, `${this.where}.${key}[${i}]`));
  }

  /** An object field as a reader of schema `U`, or null. */
  record<U>(key: Key<T>): JsonRecord<U> | null {
    const v = this.raw[key];
    return isPlainObject(v) ? new JsonRecord<U>(v, `${this.where}.${key}`) : null;
  }

  /** The raw value (for fields whose shape varies, e.g. v1 `schedule_interval`, v2 log `content`). */
  value(key: Key<T>): unknown {
    return this.raw[key];
  }

  /** A JSON field re-serialised as text (e.g. `conf`), or null when absent. */
  jsonText(key: Key<T>): string | null {
    const v = this.raw[key];
    return v === undefined || v === null ? null : JSON.stringify(v);
  }
}
