import type { z } from 'zod/mini';

/**
 * A fast path for validating many records with one zod schema, compiled from the schema's own
 * definition, so the schema stays the one truth. zod's general object parser costs about 100 µs a
 * deal (prefixing issue paths, tracking optional keys, collecting each property's result), 3 s for
 * 30,000 deals on this machine; this walks the same definition with one closure per node and asks zod
 * itself for every leaf (its type test and checks: regexes, trims, bounds) and every refinement.
 *
 * It never decides that a record is bad: anything it is unsure of (an issue anywhere, a kind of
 * schema it does not know) yields `UNSURE`, and the caller lets zod parse that record, which gives
 * the issues to report. What it accepts, it returns as zod would (defaults filled in, strings
 * trimmed, unknown keys dropped); `fast-parse.test.ts` checks that against zod on valid, broken and
 * random records.
 */
export const UNSURE: unique symbol = Symbol('unsure');
type Result = unknown;
/**
 * Strings already seen in this load, so that each repeated value is kept once (see `compileFastParse`),
 * with how often each string field of the schema found its value there.
 */
export class StringPool {
  readonly strings = new Map<string, string>();
  /** Per string field (its slot): values looked up, and how many of them were there already. */
  readonly tries: number[] = [];
  readonly hits: number[] = [];
  get size(): number {
    return this.strings.size;
  }
}
type Parse = (value: unknown, pool: StringPool | undefined) => Result;

/** Longer strings are mostly unique (titles, summaries, quotes): pooling them would only cost. */
const POOLED_LENGTH = 80;
/**
 * A field whose values were mostly new over this many is left out of the pool for the rest of the
 * load: ids, titles and dates are unique per deal, and looking each up and adding it cost as much as
 * validating the deal (the pool doubled the fast path's time at 100,000 deals) for no string shared.
 */
const POOL_SAMPLE = 2000;
const POOL_MIN_HITS = 0.25;
let slots = 0;

interface Payload {
  value: unknown;
  issues: unknown[];
}

interface InternalDef {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  options?: readonly z.ZodMiniType[];
  checks?: readonly InternalCheck[];
  defaultValue?: unknown;
  catchall?: unknown;
  coerce?: boolean;
  /** A number format (`z.int()`: "safeint"), checked by the schema itself, not by one of its checks. */
  format?: string;
}

interface InternalCheck {
  _zod: {
    def: { when?: (payload: Payload) => boolean };
    check: (payload: Payload) => unknown;
  };
}

interface Internals {
  def: InternalDef;
  /** An enum's allowed values. */
  values?: ReadonlySet<unknown>;
  run: (payload: Payload, ctx: { async: false }) => Payload | Promise<Payload>;
}

const internals = (schema: z.ZodMiniType): Internals => (schema as unknown as { _zod: Internals })._zod;
const CTX = { async: false } as const;

/** zod's own parse of a leaf (string, number, enum, …): its type test and all its checks. */
function leaf(schema: z.ZodMiniType): Parse {
  const zod = internals(schema);
  return (value) => {
    const out = zod.run({ value, issues: [] }, CTX);
    if (out instanceof Promise || out.issues.length > 0) return UNSURE;
    return out.value;
  };
}

/** A schema's own checks (`.check(…)`: lengths, refinements), run on its parsed value as zod runs them. */
function withChecks(parse: Parse, checks: readonly InternalCheck[] | undefined): Parse {
  if (!checks || checks.length === 0) return parse;
  return (value, pool) => {
    const parsed = parse(value, pool);
    if (parsed === UNSURE) return UNSURE;
    const payload: Payload = { value: parsed, issues: [] };
    for (const check of checks) {
      const { when } = check._zod.def;
      if (when && !when(payload)) continue;
      if (check._zod.check(payload) instanceof Promise) return UNSURE;
      if (payload.issues.length > 0) return UNSURE;
    }
    return payload.value;
  };
}

/**
 * The type tests of zod's string, number, boolean and enum (v4 core `schemas.js`), for schemas that do
 * not coerce; their checks then run through `withChecks`. Any other leaf is parsed by zod itself.
 */
function typeTest(zod: Internals): ((value: unknown) => boolean) | undefined {
  const { def } = zod;
  // A format is the schema's own check (an integer), outside `checks`: zod parses such a leaf itself.
  if (def.coerce || def.format !== undefined) return undefined;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'enum': {
      const values = zod.values;
      return values ? (value) => values.has(value) : undefined;
    }
    default:
      return undefined;
  }
}

function leafParser(schema: z.ZodMiniType): Parse {
  const zod = internals(schema);
  const test = typeTest(zod);
  if (!test) return leaf(schema);
  const values = zod.def.type === 'enum' ? zod.values : undefined;
  if (values && !zod.def.checks?.length) {
    // An allowed value is handed out as the schema's own copy of it: one string per value over the
    // whole list (status, kind, domains, routes, …), with no pool to look it up in.
    const own = new Map<unknown, unknown>([...values].map((v) => [v, v]));
    return (value) => (own.has(value) ? own.get(value) : UNSURE);
  }
  const checked = withChecks((value) => (test(value) ? value : UNSURE), zod.def.checks);
  if (zod.def.type !== 'string') return checked;
  const slot = slots++;
  return (value, pool) => {
    const parsed = checked(value, pool);
    if (!pool || typeof parsed !== 'string' || parsed.length > POOLED_LENGTH) return parsed;
    const tries = pool.tries[slot] ?? 0;
    const hits = pool.hits[slot] ?? 0;
    if (tries >= POOL_SAMPLE && hits < tries * POOL_MIN_HITS) return parsed;
    pool.tries[slot] = tries + 1;
    const kept = pool.strings.get(parsed);
    if (kept !== undefined) {
      pool.hits[slot] = hits + 1;
      return kept;
    }
    pool.strings.set(parsed, parsed);
    return parsed;
  };
}

interface Field {
  key: string;
  parse: Parse;
  /** `optional`: an absent key stays absent; `default`: an absent key gets the parsed default. */
  absent: 'optional' | 'default' | 'required';
}

function objectParser(def: InternalDef): Parse {
  const fields: Field[] = Object.entries(def.shape ?? {}).map(([key, schema]) => {
    const type = internals(schema).def.type;
    return {
      key,
      parse: compile(schema),
      absent: type === 'optional' ? 'optional' : type === 'default' ? 'default' : 'required',
    };
  });
  return (value, pool) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { key, parse, absent } of fields) {
      const present = key in input;
      if (!present) {
        if (absent === 'required') return UNSURE;
        if (absent === 'optional') continue;
      }
      const parsed = parse(input[key], pool);
      if (parsed === UNSURE) return UNSURE;
      if (parsed !== undefined || present) out[key] = parsed;
    }
    return out;
  };
}

function compile(schema: z.ZodMiniType): Parse {
  const { def } = internals(schema);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
      return leafParser(schema);
    case 'object': {
      // A catch-all would keep unknown keys; this path only knows zod's default of dropping them.
      if (def.catchall !== undefined) return leaf(schema);
      return withChecks(objectParser(def), def.checks);
    }
    case 'array': {
      const element = compile(def.element!);
      return withChecks((value, pool) => {
        if (!Array.isArray(value)) return UNSURE;
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const parsed = element(value[i], pool);
          if (parsed === UNSURE) return UNSURE;
          out[i] = parsed;
        }
        return out;
      }, def.checks);
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return withChecks((value, pool) => (value === undefined ? undefined : inner(value, pool)), def.checks);
    }
    case 'default': {
      const inner = compile(def.innerType!);
      // zod hands out its default (a fresh copy each time) without parsing it again.
      return withChecks(
        (value, pool) => (value === undefined ? def.defaultValue : inner(value, pool)),
        def.checks,
      );
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      return withChecks((value, pool) => {
        for (const option of options) {
          const parsed = option(value, pool);
          if (parsed !== UNSURE) return parsed;
        }
        return UNSURE;
      }, def.checks);
    }
    default:
      // Anything else (pipes, transforms, records, …) is zod's to parse, whole.
      return leaf(schema);
  }
}

/**
 * The fast path for `schema`: the value zod would return, or `UNSURE` (then ask zod). Given a pool,
 * each short string of the result is the pool's copy of it: the 100,000 synthetic deals repeat
 * units, labels, publishers and vocabulary values so often that keeping each once takes about a
 * quarter off the heap they need (235 → 179 MB in Node). The caller drops the pool after the load.
 */
export function compileFastParse<T>(
  schema: z.ZodMiniType<T>,
): (value: unknown, pool?: StringPool) => T | typeof UNSURE {
  return compile(schema) as (value: unknown, pool?: StringPool) => T | typeof UNSURE;
}
