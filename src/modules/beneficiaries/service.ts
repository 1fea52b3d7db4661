import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import { Sensitive } from '../../core/sensitive.js';
import type { AccessService } from '../access/service.js';
import type { Actor, Subject, Ticket } from '../access/schema.js';
import type { FieldError } from './field-error.js';
import { maskPhotoId, validatePhotoId, validatePhotoIdTypeForAge } from './id-documents.js';
import { validateBirthYear, validateComorbidityInd, validateGenderId, validateName } from './person-fields.js';
import { newBeneficiaryReferenceId } from './reference-id.js';
import * as store from './store.js';

/** A family member without personal data: safe to list, log and cache for the owner's session. */
export interface Member {
  id: string;
  accountId: string;
  referenceId: string;
  birthYear: number;
  genderId: number;
  photoIdType: number;
  photoIdMasked: string;
  comorbidity: boolean;
}

export interface PersonalDetails {
  name: Sensitive<string>;
  photoIdNumber: Sensitive<string>;
}

/** A new member's fields after `validateNewMember`: normalised, with the personal ones wrapped. */
export interface ValidNewMember {
  name: Sensitive<string>;
  birthYear: number;
  genderId: number;
  photoIdType: number;
  photoIdNumber: Sensitive<string>;
  comorbidity: boolean;
  consentVersion: string;
}

export interface NewMemberInput {
  name?: unknown;
  birth_year?: unknown;
  gender_id?: unknown;
  photo_id_type?: unknown;
  photo_id_number?: unknown;
  comorbidity_ind?: unknown;
  consent_version?: unknown;
}

/** For the access module: the account a subject belongs to, read without touching personal data. */
export async function ownerOfSubject(db: Db, subject: Subject): Promise<string | undefined> {
  return subject.kind === 'account' ? subject.id : store.selectOwner(db, subject.id);
}

const fieldProblem = (error: FieldError) => new AppError(error.code, 400, error.message, error.field);

const toMember = (row: store.BeneficiaryRow): Member => ({
  id: row.id,
  accountId: row.account_id,
  referenceId: row.reference_id,
  birthYear: row.birth_year,
  genderId: row.gender_id,
  photoIdType: row.photo_id_type,
  photoIdMasked: row.photo_id_masked,
  comorbidity: row.comorbidity,
});

/**
 * Family members of an account (Co-WIN's "beneficiaries"). Names and ID numbers are encrypted
 * before they reach the database and come back only through a Ticket. An ID document can be
 * registered once nationwide; the refusal never says under which mobile it is.
 */
export class BeneficiaryService {
  constructor(
    private readonly deps: { db: Db; clock: Clock; cipher: FieldCipher; access: AccessService; maxMembersPerAccount: number },
  ) {}

  async register(actor: Actor & { kind: 'citizen' }, input: NewMemberInput): Promise<Member> {
    const member = this.validateNewMember(input);
    return this.deps.db.transaction().execute((trx) => this.insertMember(trx, actor, actor.accountId, member));
  }

  /**
   * The checks of `register`, with no database: for a caller that must refuse bad input before it
   * writes anything (a walk-in at the centre). Throws a 400 naming the field.
   */
  validateNewMember(input: NewMemberInput): ValidNewMember {
    const currentYear = Number(todayInIndia(this.deps.clock.now()).slice(0, 4));
    const name = validateName(String(input.name ?? ''));
    if (!name.ok) throw fieldProblem(name);
    const birthYear = validateBirthYear(input.birth_year as string | number ?? '', currentYear);
    if (!birthYear.ok) throw fieldProblem(birthYear);
    const gender = validateGenderId(input.gender_id as string | number ?? '');
    if (!gender.ok) throw fieldProblem(gender);
    const typeId = Number(input.photo_id_type);
    const photoId = validatePhotoId(typeId, String(input.photo_id_number ?? ''));
    if (!photoId.ok) throw fieldProblem(photoId);
    const ageFits = validatePhotoIdTypeForAge(typeId, currentYear - birthYear.value);
    if (!ageFits.ok) throw fieldProblem(ageFits);
    const comorbidity = validateComorbidityInd(String(input.comorbidity_ind ?? 'N'));
    if (!comorbidity.ok) throw fieldProblem(comorbidity);
    const consentVersion = typeof input.consent_version === 'string' && input.consent_version.trim() ? input.consent_version.trim().slice(0, 40) : 'V1';
    return {
      name: new Sensitive(name.value), birthYear: birthYear.value, genderId: gender.value, photoIdType: typeId,
      photoIdNumber: new Sensitive(photoId.normalised), comorbidity: comorbidity.value === 'Y', consentVersion,
    };
  }

  /**
   * Registers a checked member to an account in the caller's transaction: a citizen's own, or the
   * account of a walk-in's mobile, by the staff member at the centre (decision 0010). Refuses an ID
   * document registered before (PHOTO_ID_TAKEN) and a full account (MEMBER_LIMIT). A canary
   * record (decision 0015) claims a random value instead of its document, so it never blocks a
   * real person who happens to hold that number.
   */
  async insertMember(trx: Db, actor: Actor & { kind: 'citizen' | 'staff' }, accountId: string, member: ValidNewMember, claim: 'document' | 'unreachable' = 'document'): Promise<Member> {
    const { clock, cipher, access } = this.deps;
    const id = randomUUID();
    if (!(await store.lockAccount(trx, accountId))) throw notFound('account');
    if ((await store.countMembers(trx, accountId)) >= this.deps.maxMembersPerAccount) {
      throw new AppError('MEMBER_LIMIT', 409, `An account can register at most ${this.deps.maxMembersPerAccount} members.`);
    }
    const photoIdNumber = member.photoIdNumber.reveal();
    const row = {
      id,
      account_id: accountId,
      reference_id: newBeneficiaryReferenceId(),
      name_enc: cipher.encrypt(member.name.reveal(), `beneficiary.name:${id}`),
      birth_year: member.birthYear,
      gender_id: member.genderId,
      photo_id_type: member.photoIdType,
      photo_id_enc: cipher.encrypt(photoIdNumber, `beneficiary.photo_id:${id}`),
      photo_id_masked: maskPhotoId(member.photoIdType, photoIdNumber),
      comorbidity: member.comorbidity,
      consent_version: member.consentVersion,
      created_at: clock.now(),
    };
    await store.insertBeneficiary(trx, row);
    // The claim is on the document, whatever its type's id: the same number under another type is another document.
    const claimed = claim === 'document' ? photoIdNumber : `unreachable:${randomUUID()}`;
    if (!(await store.claimPhotoId(trx, cipher.blindIndex(`photo_id:${member.photoIdType}`, claimed), id))) {
      throw new AppError('PHOTO_ID_TAKEN', 409, 'This ID number is already registered. If it is yours and you did not register it, raise an issue with the helpline.', 'photo_id_number');
    }
    await access.record({ type: 'beneficiary.registered', actor, subject: id, outcome: 'done', ip: actor.ip }, trx);
    return toMember(row);
  }

  async listMembers(accountId: string, db: Db = this.deps.db): Promise<Member[]> {
    return (await store.selectMembers(db, accountId)).map(toMember);
  }

  /** A member of the actor's own account by reference id; anyone else's is "not found". */
  async findOwnMember(actor: Actor & { kind: 'citizen' }, referenceId: string, db: Db = this.deps.db): Promise<Member> {
    const row = /^\d{14}$/.test(referenceId) ? await store.selectByReference(db, actor.accountId, referenceId) : undefined;
    if (!row) throw notFound('beneficiary');
    return toMember(row);
  }

  /** The fields the ticket grants, decrypted; a field it does not grant is refused, not returned. */
  async readPersonal(ticket: Ticket, db: Db = this.deps.db): Promise<PersonalDetails> {
    if (ticket.subject.kind !== 'beneficiary') throw notFound('beneficiary');
    const row = await store.selectPersonal(db, ticket);
    if (!row) throw notFound('beneficiary');
    return this.personalDetails(row, ticket);
  }

  /** `readPersonal` for many tickets in one query, by member id; a member no longer there is absent. */
  async readPersonalOfMany(tickets: readonly Ticket[], db: Db = this.deps.db): Promise<Map<string, PersonalDetails>> {
    const members = tickets.filter((t) => t.subject.kind === 'beneficiary');
    const rows = new Map((await store.selectPersonalOfMany(db, members)).map((row) => [row.id, row]));
    const details = new Map<string, PersonalDetails>();
    for (const ticket of members) {
      const row = rows.get(ticket.subject.id);
      if (row) details.set(row.id, this.personalDetails(row, ticket));
    }
    return details;
  }

  /** Decrypts lazily, and only the fields the ticket grants. */
  private personalDetails(row: { id: string; name_enc: string; photo_id_enc: string }, ticket: Ticket): PersonalDetails {
    const cipherOf = this.deps.cipher;
    const granted = (field: 'name' | 'photo_id') => {
      if (!ticket.fields.includes(field)) throw new Error(`ticket for ${ticket.purpose} does not grant ${field}`);
    };
    return {
      get name() {
        granted('name');
        return new Sensitive(cipherOf.decrypt(row.name_enc, `beneficiary.name:${row.id}`));
      },
      get photoIdNumber() {
        granted('photo_id');
        return new Sensitive(cipherOf.decrypt(row.photo_id_enc, `beneficiary.photo_id:${row.id}`));
      },
    };
  }

  /** A member by id without personal data, for modules that already hold a ticket or a grant. */
  async memberById(id: string, db: Db = this.deps.db): Promise<Member | undefined> {
    const row = await store.selectById(db, id);
    return row && toMember(row);
  }

  /** `memberById` for many ids in one query, by id; an id with no member is absent. */
  async membersByIds(ids: readonly string[], db: Db = this.deps.db): Promise<Map<string, Member>> {
    return new Map((await store.selectByIds(db, ids)).map((row) => [row.id, toMember(row)]));
  }

  /**
   * Removes a member who has no recorded dose, with their personal data, for real (DPDP Act
   * 2023 §12: erasure). Their live appointment must be cancelled first by the caller, in `trx`.
   */
  async remove(actor: Actor & { kind: 'citizen' }, member: Member, trx: Db): Promise<void> {
    if (await store.hasDoseRecord(trx, member.id)) {
      throw new AppError('MEMBER_VACCINATED', 409, 'A member with a recorded dose cannot be removed: the record is needed for their certificate.');
    }
    if (!(await store.deleteBeneficiary(trx, member.id, actor.accountId))) throw notFound('beneficiary');
    await this.deps.access.record({ type: 'beneficiary.deleted', actor, subject: member.id, outcome: 'done', ip: actor.ip }, trx);
  }
}
