import type { ContractEndReason, ContractType } from './contract-type';

/**
 * A post (poste): a job position at a site that successive contracts fill. The délai de carence
 * between two fixed-term contracts attaches to the post, whoever held it (C. trav., L1244-3).
 */
export interface Post {
  id: string;
  siteId: string;
  /** 1 to 120 characters, unique per site whatever its case. */
  title: string;
}

/** One contract that filled a post, as `GET /api/posts/:id` lists it. */
export interface PostContract {
  id: string;
  personId: string;
  personName: string;
  type: ContractType;
  start: string;
  end: string | null;
  reason: string | null;
  renewalOf: string | null;
  /** A replacement CDD: the absent employee replaced. */
  replacedPersonId: string | null;
  replacedPersonName: string | null;
  endReason: ContractEndReason | null;
  /** The day the employee refused the renewal (no délai de carence after it, L1244-4-1). */
  renewalRefusedOn: string | null;
}

/** Answer of `GET /api/posts/:id`: the post and the contracts that filled it, oldest first. */
export interface PostDetail extends Post {
  contracts: PostContract[];
}

/** Body of `POST /api/posts` (HR and admin). */
export interface CreatePostRequest {
  siteId: string;
  title: string;
}

/** Body of `POST /api/contracts/:id/renewal-refusal` (HR and admin, a CDD only). */
export interface RecordRenewalRefusalRequest {
  /** The day the employee refused the renewal offered, within the contract. */
  refusedOn: string;
}
