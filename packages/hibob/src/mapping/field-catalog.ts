import type { RawFieldMetadata } from '../raw/fields.js';
import { labelKey } from './normalize.js';

/** A field from the metadata, with what the mapping needs to know about it. */
export interface CatalogField {
  id: string;
  name: string;
  jsonPath: string;
  type: string | null;
  listId: string | null;
  categoryId: string;
  categoryName: string;
  custom: boolean;
}

/**
 * The built-in fields the mapping reads, by role. Each role lists candidate ids in preference order; only ids
 * the tenant's metadata actually has are ever requested (never guessed).
 */
export const FIELD_ROLES = {
  id: ['root.id'],
  email: ['root.email'],
  firstName: ['root.firstName'],
  middleName: ['root.secondName'],
  lastName: ['root.surname'],
  displayName: ['root.displayName', 'root.fullName'],
  preferredName: ['personal.preferredName', 'about.preferredName', 'root.preferredName'],
  employeeNumber: ['work.employeeIdInCompany'],
  title: ['work.title'],
  department: ['work.department'],
  site: ['work.site'],
  siteId: ['work.siteId'],
  reportsTo: ['work.reportsTo'],
  manager: ['work.manager'],
  startDate: ['work.startDate'],
  originalStartDate: ['work.originalStartDate'],
  status: ['internal.status'],
  lifecycleStatus: ['internal.lifecycleStatus'],
  terminationDate: ['internal.terminationDate'],
  statusSince: ['internal.currentActiveStatusStartDate'],
  payrollType: ['payroll.employment.type'],
  payrollContract: ['payroll.employment.contract'],
  weeklyHours: ['payroll.employment.weeklyHours'],
  legalEntity: ['work.entity', 'payroll.legalEntity', 'work.legalEntity'],
  // The site's own address and zone, where the tenant's metadata has them (docs/providers/hibob.md › Capability matrix).
  siteLine1: ['address.siteAddress1', 'address.siteStreet'],
  siteLine2: ['address.siteAddress2'],
  siteCity: ['address.siteCity'],
  siteRegion: ['address.siteState'],
  sitePostalCode: ['address.sitePostalCode', 'address.siteZipCode'],
  siteCountry: ['address.siteCountry'],
  siteTimeZone: ['address.siteTimezone', 'work.siteTimezone'],
  terminationReason: ['internal.terminationReason'],
  terminationType: ['internal.terminationType'],
  lastDayOfWork: ['internal.lastDayOfWork'],
  rehireEligible: ['internal.eligibleForRehire', 'internal.rehireEligible'],
  workPhone: ['work.workPhone'],
  workMobile: ['work.workMobile'],
  mobilePhone: ['home.mobilePhone'],
  privatePhone: ['home.privatePhone'],
  privateEmail: ['home.privateEmail'],
} as const;

/** Sensitive roles: requested only with `includeSensitive`. */
export const SENSITIVE_ROLES = {
  birthDate: ['personal.birthDate'],
  gender: ['home.legalGender', 'personal.gender'],
  nationality: ['personal.nationality'],
  familyStatus: ['home.familyStatus'],
  addressLine1: ['address.line1', 'address.street', 'address.address', 'address.fullAddress'],
  addressLine2: ['address.line2'],
  addressCity: ['address.city'],
  addressRegion: ['address.state', 'address.region', 'address.usState'],
  addressPostalCode: ['address.postCode', 'address.postalCode', 'address.zipCode', 'address.zip'],
  addressCountry: ['address.country'],
} as const;

/**
 * Financial roles: requested only with `includeSensitive` and `includeFinancial`, and only from the Financial and
 * Identification categories (a field of the same name elsewhere is never read as a bank account).
 */
export const FINANCIAL_ROLES = {
  bankHolder: ['financial.accountHolderName', 'financial.holderName'],
  bankName: ['financial.bankName'],
  iban: ['financial.iban'],
  accountNumber: ['financial.accountNumber'],
  bic: ['financial.swift', 'financial.bic', 'financial.swiftCode'],
  routingNumber: ['financial.routingNumber', 'financial.sortCode'],
  bankAccountType: ['financial.accountType'],
  bankCurrency: ['financial.currency'],
  ssn: ['identification.ssn'],
  nationalId: ['identification.nationalId'],
  taxId: ['identification.taxId', 'identification.taxNumber'],
  passportNumber: ['identification.passportNumber'],
  passportExpiry: ['identification.passportExpiry'],
} as const;

/** The only categories financial roles are read from. */
export const FINANCIAL_CATEGORIES = new Set(['financial', 'identification']);

export type FieldRole = keyof typeof FIELD_ROLES | keyof typeof SENSITIVE_ROLES | keyof typeof FINANCIAL_ROLES;

/** Roles whose absence breaks the sync: their categories are `required` in check(). */
export const REQUIRED_ROLES: readonly FieldRole[] = ['id', 'email', 'displayName', 'startDate', 'lifecycleStatus'];

/** Built-in categories holding personal data: their custom fields are read only with `includeSensitive`. */
export const SENSITIVE_CATEGORIES = new Set(['personal', 'home', 'address', 'personalContact']);

/**
 * Categories whose custom fields are never read into `customFields` (bank details, identity documents, pay):
 * pay has its own opt-in (`includeCompensation`) and the rest has no place in the model. The customer's
 * employment-type field is read wherever it lives.
 */
export const NEVER_READ_CATEGORIES = new Set(['financial', 'identification', 'payroll', 'emergency']);

/** HiBob's limit on `fields` per people request. */
export const MAX_FIELDS_PER_REQUEST = 400;

function isCustomField(field: RawFieldMetadata, categoryId: string): boolean {
  return field.id.includes('.custom.') || /^category_/.test(categoryId) || /^\d+$/.test(categoryId);
}

/** The tenant's fields metadata, indexed for the mapping. Built once per connection. */
export class FieldCatalog {
  readonly fields: readonly CatalogField[];
  private readonly byId = new Map<string, CatalogField>();
  readonly roles = new Map<FieldRole, CatalogField>();

  constructor(metadata: readonly RawFieldMetadata[]) {
    this.fields = metadata.map((field) => {
      const categoryId = field.categoryId ?? field.category ?? field.id.split('.')[0] ?? 'unknown';
      return {
        id: field.id,
        name: field.name ?? field.id,
        jsonPath: field.jsonPath ?? (field.id.startsWith('root.') ? field.id.slice(5) : field.id),
        type: field.type ?? null,
        listId: field.typeData?.listId ?? null,
        categoryId,
        categoryName: field.categoryDisplayName ?? categoryId,
        custom: isCustomField(field, categoryId),
      };
    });
    for (const field of this.fields) this.byId.set(field.id, field);
    for (const [role, candidates] of Object.entries({ ...FIELD_ROLES, ...SENSITIVE_ROLES, ...FINANCIAL_ROLES }))
      for (const id of candidates) {
        const field = this.byId.get(id);
        if (field && (!(role in FINANCIAL_ROLES) || FINANCIAL_CATEGORIES.has(field.categoryId))) {
          this.roles.set(role as FieldRole, field);
          break;
        }
      }
  }

  get(id: string): CatalogField | undefined {
    return this.byId.get(id);
  }

  role(role: FieldRole): CatalogField | undefined {
    return this.roles.get(role);
  }

  /** Find the customer's field by id, or by name (case- and spacing-insensitive), wherever its category is. */
  findField(idOrName: string): CatalogField | undefined {
    const byId = this.byId.get(idOrName);
    if (byId) return byId;
    const key = labelKey(idOrName);
    const matches = this.fields.filter((field) => labelKey(field.name) === key);
    // Prefer a list field when several share the name (a text copy of the field is less useful).
    return matches.find((field) => field.listId) ?? matches[0];
  }

  customFields(): CatalogField[] {
    return this.fields.filter((field) => field.custom);
  }

  private readonly readable = new Map<boolean, readonly CatalogField[]>();

  /**
   * The custom fields a read requests and maps into `customFields`: never those of the NEVER_READ categories (pay,
   * bank, identity, emergency), sensitive categories only with `includeSensitive`. One rule for what is requested
   * (`fieldsFor`) and what is read (mapEmployee), so a payload carrying more than was asked maps no more.
   */
  readableCustomFields(includeSensitive: boolean): readonly CatalogField[] {
    let fields = this.readable.get(includeSensitive);
    if (!fields) {
      fields = this.customFields().filter(
        (field) =>
          !NEVER_READ_CATEGORIES.has(field.categoryId) &&
          (includeSensitive || !SENSITIVE_CATEGORIES.has(field.categoryId)),
      );
      this.readable.set(includeSensitive, fields);
    }
    return fields;
  }

  /** The field ids a read needs, in a stable order, without duplicates. */
  fieldsFor(options: {
    includeSensitive: boolean;
    includeFinancial?: boolean;
    extra: readonly (CatalogField | undefined)[];
  }): CatalogField[] {
    const chosen = new Map<string, CatalogField>();
    const add = (field: CatalogField | undefined) => {
      if (field && !chosen.has(field.id)) chosen.set(field.id, field);
    };
    for (const role of Object.keys(FIELD_ROLES) as FieldRole[]) add(this.roles.get(role));
    if (options.includeSensitive)
      for (const role of Object.keys(SENSITIVE_ROLES) as FieldRole[]) add(this.roles.get(role));
    if (options.includeSensitive && options.includeFinancial)
      for (const role of Object.keys(FINANCIAL_ROLES) as FieldRole[]) add(this.roles.get(role));
    for (const field of options.extra) add(field);
    for (const field of this.readableCustomFields(options.includeSensitive)) add(field);
    return [...chosen.values()];
  }
}
