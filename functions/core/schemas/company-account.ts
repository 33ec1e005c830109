import type { SchemaDefinition } from './schema-types.ts';

/** Companies from CRM account exports and prospecting tools. */
export const companyAccountSchema: SchemaDefinition = {
  name: 'company_account',
  description: 'Companies: name, domain, industry, size, revenue, technologies, location',
  requireAnyOf: [['name', 'domain']],
  fields: [
    {
      name: 'name',
      type: 'string',
      kind: 'company_name',
      required: false,
      description: 'Company name',
      synonyms: [
        'name', 'company', 'company name', 'account name', 'organization', 'organisation', 'organization name',
        'business name', 'legal name', 'account', 'business', 'entity name', 'registered name',
        'firmenname', 'unternehmen', 'unternehmensname', 'firma', 'nombre empresa', 'empresa', 'razon social', 'raison sociale', 'entreprise', 'societe', 'nom entreprise', 'ragione sociale', 'azienda', 'nome azienda', 'razao social', 'bedrijfsnaam', 'bedrijf',
      ],
    },
    {
      name: 'domain',
      type: 'domain',
      required: false,
      description: 'Web domain ("acme.com"), from a domain or website column',
      synonyms: ['domain', 'company domain', 'website', 'web site', 'url', 'web', 'homepage', 'web address', 'site', 'company website', 'sitio web', 'site web', 'site internet', 'webseite', 'internetseite', 'sito web', 'pagina web'],
    },
    {
      name: 'industry',
      type: 'string',
      kind: 'industry',
      required: false,
      description: 'Industry or sector',
      synonyms: ['industry', 'sector', 'vertical', 'industry type', 'business type', 'category', 'naics description', 'industries', 'branche', 'secteur', 'secteur activite', 'settore', 'setor', 'industria', 'industrie', 'rubro', 'sector actividad'],
    },
    {
      name: 'employee_count',
      type: 'integer',
      required: false,
      description: 'Number of employees ("1,200", "1.2K")',
      synonyms: [
        'employee count', 'employees', 'number of employees', 'no of employees', 'num employees', 'headcount', 'staff',
        'staff count', 'company size', 'size', 'team size', 'employees total',
        'mitarbeiter', 'mitarbeiterzahl', 'anzahl mitarbeiter', 'beschaftigte', 'empleados', 'numero empleados', 'effectif', 'effectifs', 'nombre salaries', 'salaries', 'dipendenti', 'numero dipendenti', 'funcionarios', 'medewerkers', 'werknemers',
      ],
    },
    {
      name: 'annual_revenue',
      type: 'number',
      required: false,
      description: 'Annual revenue in major units as printed ("$1.2M" -> 1200000)',
      synonyms: ['annual revenue', 'revenue', 'yearly revenue', 'turnover', 'annual sales', 'sales', 'revenue usd', 'arr', 'umsatz', 'jahresumsatz', 'facturacion', 'facturacion anual', 'ingresos', 'chiffre affaires', 'fatturato', 'receita', 'faturamento', 'omzet', 'revenu'],
    },
    {
      name: 'technologies',
      type: 'string',
      multiple: true,
      required: false,
      description: 'Technologies used, split from a list cell ("AWS, Salesforce; HubSpot")',
      synonyms: ['technologies', 'technology', 'tech stack', 'tech', 'stack', 'tools', 'software', 'technographics', 'installed technologies', 'technologien', 'tecnologias', 'tecnologie', 'technologieen'],
    },
    {
      name: 'country',
      type: 'string',
      kind: 'country',
      required: false,
      description: 'Country as printed',
      synonyms: ['country', 'country region', 'country code', 'hq country', 'nation', 'billing country', 'land', 'pais', 'pays', 'paese', 'nazione', 'staat'],
    },
    {
      name: 'city',
      type: 'string',
      kind: 'city',
      required: false,
      description: 'City as printed',
      synonyms: ['city', 'town', 'hq city', 'locality', 'municipality', 'billing city', 'stadt', 'ort', 'ciudad', 'ville', 'citta', 'cidade', 'stad', 'plaats', 'localidad', 'comune'],
    },
  ],
};
