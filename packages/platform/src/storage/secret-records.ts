/** The write-only secrets' owner and repository. */

/** What a write-only secret belongs to (see secrets.ts): a widget, or a SIP trunk. */
export interface SecretOwner {
  kind: 'widget' | 'trunk';
  id: string;
}

/** The write-only secrets, for the code that uses them (`store.secrets`). */
export interface SecretsRepository {
  /** The stored secret `name` of `owner`, for the code that uses it; never for an answer or a log. */
  get(owner: SecretOwner, name: string): Promise<string | undefined>;
}
