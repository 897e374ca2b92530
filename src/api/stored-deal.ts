import { DealEnvelope, describeIssues, parseDeal } from '../domain';
import { ApiError, type StoredDeal } from './api-error';
import { clip } from './clip';

/** The revision an `ETag` names: `"3"` (or weak, `W/"3"`) is 3; anything else is no revision. */
export function revisionFromEtag(etag: string | null): number | undefined {
  const match = etag === null ? null : /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(etag);
  if (!match) return undefined;
  const revision = Number(match[1]);
  return Number.isSafeInteger(revision) && revision >= 1 ? revision : undefined;
}

export type StoredDealResult = { ok: true; stored: StoredDeal } | { ok: false; reason: string };

/**
 * A single-deal answer as a `StoredDeal`: the envelope checked, the record validated with the same
 * schema as every list. The revision is the `ETag`'s, else the body's.
 */
export function readStoredDeal(body: unknown, etag: string | null = null): StoredDealResult {
  const envelope = DealEnvelope.safeParse(body);
  if (!envelope.success) return { ok: false, reason: clip(describeIssues(envelope.error)) };
  const record = parseDeal(envelope.data.data);
  if (!record.ok) return { ok: false, reason: clip(`the record failed validation: ${record.reason}`) };
  const { revision, savedAt, deleted } = envelope.data;
  return {
    ok: true,
    stored: { deal: record.data, revision: revisionFromEtag(etag) ?? revision, savedAt, deleted },
  };
}

/** `readStoredDeal` for an answer that must be one: a malformed one is an `invalid-response` error. */
export function expectStoredDeal(body: unknown, etag: string | null, what: string): StoredDeal {
  const result = readStoredDeal(body, etag);
  if (!result.ok)
    throw new ApiError(
      'invalid-response',
      `The deal API's ${what} is not in the expected shape (${result.reason}).`,
    );
  return result.stored;
}
