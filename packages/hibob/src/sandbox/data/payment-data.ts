import type { NamedListItem } from '../state/types.js';

/**
 * What a payment or EOR product reads about sites and entities. Addresses are real-looking office addresses of
 * the sandbox company; each site belongs to one legal entity, and the Remote site to an employer-of-record partner.
 */
export interface SiteDetails {
  line1: string;
  city: string;
  region: string | null;
  postalCode: string;
  /** Item id in the `countries` list (the alpha-2 code). */
  country: string;
  entityId: string;
}

export const SITE_DETAILS: Readonly<Record<number, SiteDetails>> = {
  2606110: {
    line1: '1 Finsbury Avenue',
    city: 'London',
    region: null,
    postalCode: 'EC2M 2PF',
    country: 'GB',
    entityId: '7001',
  },
  2606111: {
    line1: '350 Fifth Avenue',
    city: 'New York',
    region: 'NY',
    postalCode: '10118',
    country: 'US',
    entityId: '7002',
  },
  2606112: {
    line1: 'Rothschild Blvd 22',
    city: 'Tel Aviv-Yafo',
    region: null,
    postalCode: '6688218',
    country: 'IL',
    entityId: '7003',
  },
  2606113: {
    line1: 'Friedrichstraße 68',
    city: 'Berlin',
    region: null,
    postalCode: '10117',
    country: 'DE',
    entityId: '7004',
  },
  2606114: {
    line1: 'Avenida da Liberdade 110',
    city: 'Lisboa',
    region: null,
    postalCode: '1269-046',
    country: 'PT',
    entityId: '7005',
  },
};

/** The `entity` named list: the company's legal entities, plus the EOR partner that employs the remote staff. */
export const ENTITIES: readonly NamedListItem[] = [
  { id: '7001', name: 'Sandbox Company Ltd', archived: false, children: [] },
  { id: '7002', name: 'Sandbox Company Inc.', archived: false, children: [] },
  { id: '7003', name: 'Sandbox Company Israel Ltd', archived: false, children: [] },
  { id: '7004', name: 'Sandbox Company GmbH', archived: false, children: [] },
  { id: '7005', name: 'Lusitania EOR Services Unipessoal Lda', archived: false, children: [] },
];

/** Banks per country: the national bank code of the BBAN, the BIC, the account currency. */
export const BANKS: Readonly<Record<string, readonly { code: string; name: string; bic: string }[]>> = {
  GB: [
    { code: 'NWBK', name: 'NatWest', bic: 'NWBKGB2L' },
    { code: 'BARC', name: 'Barclays', bic: 'BARCGB22' },
    { code: 'HBUK', name: 'HSBC UK', bic: 'HBUKGB4B' },
  ],
  DE: [
    { code: '37040044', name: 'Commerzbank', bic: 'COBADEFFXXX' },
    { code: '50070010', name: 'Deutsche Bank', bic: 'DEUTDEFFXXX' },
    { code: '10010010', name: 'Postbank', bic: 'PBNKDEFFXXX' },
  ],
  IL: [
    { code: '010', name: 'Bank Leumi', bic: 'LUMIILITXXX' },
    { code: '012', name: 'Bank Hapoalim', bic: 'POALILITXXX' },
  ],
  PT: [
    { code: '0035', name: 'Caixa Geral de Depósitos', bic: 'CGDIPTPL' },
    { code: '0033', name: 'Millennium bcp', bic: 'BCOMPTPL' },
  ],
  US: [
    { code: '0210', name: 'JPMorgan Chase', bic: 'CHASUS33' },
    { code: '1210', name: 'Wells Fargo', bic: 'WFBIUS6S' },
  ],
};

export const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  GB: 'GBP',
  DE: 'EUR',
  IL: 'ILS',
  PT: 'EUR',
  US: 'USD',
};
