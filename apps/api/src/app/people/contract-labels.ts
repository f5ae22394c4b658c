import type { Contract } from '@relais/api-types';
import { DataSource } from 'typeorm';

/**
 * The person's contracts with the title of the post each filled and the name of the person a
 * replacement CDD replaces, for the record's contract card.
 */
export async function withPostAndReplaced(
  dataSource: DataSource,
  organisationId: string,
  contracts: Contract[],
): Promise<Contract[]> {
  const postIds = [...new Set(contracts.map((c) => c.postId).filter((id) => id !== null))];
  const personIds = [
    ...new Set(contracts.map((c) => c.replacedPersonId).filter((id) => id !== null)),
  ];
  const posts: { id: string; title: string }[] = postIds.length
    ? await dataSource.query(
        'SELECT id, title FROM post WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
        [organisationId, postIds],
      )
    : [];
  const people: { id: string; name: string }[] = personIds.length
    ? await dataSource.query(
        `SELECT id, first_name || ' ' || last_name AS name FROM person
          WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
        [organisationId, personIds],
      )
    : [];
  return contracts.map((contract) => ({
    ...contract,
    postTitle: posts.find((post) => post.id === contract.postId)?.title ?? null,
    replacedPersonName:
      people.find((person) => person.id === contract.replacedPersonId)?.name ?? null,
  }));
}
