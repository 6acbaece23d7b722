import { z } from 'zod';
import type { DeleteCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { defineDeletes, type DeletesTable, type EntityDeletes } from '../../core/writes';
import type { EntityName, SuperOfficeClient } from './client';
import { checkedWrite, commitDeletes, plannedRemoval, readCurrent, type UnifiedEntity } from './singleUpdate';
import { superOfficeContactEntity, superOfficePersonEntity, superOfficeSaleEntity } from './wire';

/** The persons a company entity lists (`ContactEntity.Persons`, slim Person carriers). */
const companyPersons = z.looseObject({ Persons: z.array(z.looseObject({ PersonId: z.number().int() })).nullish() });

/**
 * Deletes with SuperOffice's own call, `DELETE /{Entity}/{id}` → 204 (Swagger), for companies,
 * persons and sales. The draft reads the record (it must exist, at the caller's version), and
 * the DELETE carries `If-Unmodified-Since` when a version was given (412 → CONFLICT). A company
 * goes with what is registered on it — its persons and their sales — which the draft says.
 */
export function superOfficeDeletes(client: SuperOfficeClient): DeletesTable {
  return {
    ACCOUNT: entityDeletes(client, 'ACCOUNT', 'Contact', superOfficeContactEntity, (wire, id) => {
      const persons = companyPersons.safeParse(wire);
      const n = persons.success ? (persons.data.Persons ?? []).length : 0;
      return [
        `SuperOffice deletes company ${id} with what is registered on it: ${n === 1 ? '1 person' : `${n} persons`} and the company's sales go with it`,
      ];
    }),
    CONTACT: entityDeletes(client, 'CONTACT', 'Person', superOfficePersonEntity, () => []),
    OPPORTUNITY: entityDeletes(client, 'OPPORTUNITY', 'Sale', superOfficeSaleEntity, () => []),
  };
}

type Stamped = { UpdatedDate?: string | null | undefined; CreatedDate?: string | null | undefined };

function entityDeletes<W extends Stamped>(
  client: SuperOfficeClient,
  unified: UnifiedEntity,
  entity: EntityName,
  schema: z.ZodType<W>,
  warningsOf: (wire: W, id: number) => string[],
): EntityDeletes {
  return defineDeletes({
    versionCheck: 'NATIVE',
    async draft(commands: readonly DeleteCommand[], call) {
      const currents = await readCurrent(client, entity, commands.map((c) => c.id), schema, call);
      return commands.map((cmd, i) => {
        const checked = checkedWrite(unified, entity, cmd, currents[i] ?? null);
        if (checked instanceof InputRejected) return checked;
        return plannedRemoval({ write: checked.write, unified, expectedVersion: cmd.expectedVersion }, warningsOf(checked.wire, checked.write.id));
      });
    },
    commit: commitDeletes(client, schema),
  });
}
