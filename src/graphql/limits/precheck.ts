import { Kind, parse, type DocumentNode, type GraphQLError } from 'graphql';
import { limitExceeded, type Limits } from './errors';
import { depthOf, fragmentsOf, writtenShape } from './shape';

/**
 * The limits a document can be judged by before it is validated: tokens (the parser stops at
 * the first one past the limit), aliases, repeated fields and depth — each linear in the document. They run
 * first because graphql-js validation is not linear (overlapping-field checks compare fields
 * pairwise), so an alias bomb must never reach it.
 *
 * Verdicts are remembered per query text (a small LRU): the queries of an app repeat, and a
 * repeated one costs a map lookup, not a second parse beside Apollo's.
 */
export class DocumentPrecheck {
  private readonly verdicts = new Map<string, GraphQLError | null>();

  constructor(
    private readonly limits: Limits,
    private readonly remember = 1_000,
  ) {}

  /** The refusal for `query` (as `operationName` would run it), or null when it may proceed. */
  check(query: string, operationName?: string | null): GraphQLError | null {
    const key = `${operationName ?? ''}\n${query}`;
    const known = this.verdicts.get(key);
    if (known !== undefined) {
      // Refresh its place: the map's order is the LRU order.
      this.verdicts.delete(key);
      this.verdicts.set(key, known);
      return known;
    }
    const verdict = this.judge(query, operationName);
    this.verdicts.set(key, verdict);
    if (this.verdicts.size > this.remember) this.verdicts.delete(this.verdicts.keys().next().value as string);
    return verdict;
  }

  private judge(query: string, operationName?: string | null): GraphQLError | null {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.tokens, noLocation: true });
    } catch (err) {
      // Only the token limit is ours to report; other syntax errors are Apollo's to answer.
      return /more tha[nt] \d+ tokens/.test((err as Error).message)
        ? limitExceeded('tokens', this.limits.tokens, `The document has more than ${this.limits.tokens} tokens`)
        : null;
    }
    const { aliases, repeats } = writtenShape(document);
    if (aliases > this.limits.aliases) return limitExceeded('aliases', this.limits.aliases, `The document has ${aliases} aliases`);
    if (repeats > this.limits.fieldRepeats) {
      return limitExceeded('fieldRepeats', this.limits.fieldRepeats, `A selection names one field ${repeats} times`);
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation) return null;
    const depth = depthOf(operation, fragmentsOf(document));
    if (depth > this.limits.depth) return limitExceeded('depth', this.limits.depth, `The operation is ${depth} levels deep`);
    return null;
  }
}
