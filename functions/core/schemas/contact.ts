import type { SchemaDefinition } from './schema-types.ts';

/** People from CRM / address-book exports (Outlook, Google, HubSpot, Salesforce, LinkedIn). */
export const contactSchema: SchemaDefinition = {
  name: 'contact',
  description: 'People: name, e-mail, phone, title, company',
  requireAnyOf: [['full_name', 'email', 'phone']],
  fields: [
    {
      name: 'full_name',
      type: 'string',
      kind: 'person_name',
      required: false,
      description: 'Display name; joined from first and last name when there is no name column',
      derive: { kind: 'join', from: ['first_name', 'last_name'] },
      synonyms: ['full name', 'name', 'contact name', 'display name', 'contact', 'person', 'customer name', 'lead name', 'nom complet', 'nombre completo', 'nome completo', 'vollstandiger name', 'volledige naam', 'naam', 'name vollstandig'],
    },
    {
      name: 'first_name',
      type: 'string',
      kind: 'given_name',
      required: false,
      description: 'Given name; split from the full name when there is no column for it',
      derive: { kind: 'name_part', from: 'full_name', part: 'first' },
      synonyms: ['first name', 'firstname', 'given name', 'first', 'fname', 'forename', 'prenom', 'vorname', 'nombre', 'nome', 'voornaam', 'primer nombre', 'prenome', 'rufname'],
    },
    {
      name: 'last_name',
      type: 'string',
      kind: 'family_name',
      required: false,
      description: 'Family name; split from the full name when there is no column for it',
      derive: { kind: 'name_part', from: 'full_name', part: 'last' },
      synonyms: ['last name', 'lastname', 'surname', 'family name', 'last', 'lname', 'nachname', 'apellido', 'nom', 'apellidos', 'cognome', 'sobrenome', 'achternaam', 'familienname', 'nom de famille', 'apelido'],
    },
    {
      name: 'email',
      type: 'email',
      required: false,
      description: 'E-mail address, lower case',
      synonyms: [
        'email', 'email address', 'e mail', 'e mail address', 'mail', 'work email', 'business email', 'primary email',
        'email 1', 'email1', 'personal email', 'courriel', 'email address 1',
        'e mail adresse', 'correo', 'correo electronico', 'adresse e mail', 'adresse email', 'adresse mail', 'emailadres', 'e mailadres', 'posta elettronica', 'indirizzo email', 'endereco de email',
      ],
    },
    {
      name: 'phone',
      type: 'phone',
      required: false,
      description: 'Phone number, E.164',
      synonyms: [
        'phone', 'phone number', 'mobile phone', 'mobile', 'mobile number', 'cell', 'cell phone', 'telephone', 'tel',
        'work phone', 'business phone', 'direct phone', 'direct dial', 'primary phone', 'phone 1', 'contact number',
        'telefon', 'telefono',
        'telefonnummer', 'telefone', 'movil', 'celular', 'portable', 'cellulare', 'mobiel', 'telefoonnummer', 'handy', 'mobil', 'numero de telephone', 'numero de telefono', 'numero di telefono', 'rufnummer',
      ],
    },
    {
      name: 'title',
      type: 'string',
      kind: 'job_title',
      required: false,
      description: 'Job title',
      synonyms: ['title', 'job title', 'position', 'role', 'designation', 'job role', 'job', 'headline', 'job position', 'cargo', 'puesto', 'fonction', 'poste', 'titre', 'ruolo', 'qualifica', 'funcao', 'functie', 'berufsbezeichnung', 'titel', 'funktion'],
    },
    {
      name: 'company',
      type: 'string',
      kind: 'company_name',
      required: false,
      description: 'Employer / organisation name',
      synonyms: [
        'company', 'company name', 'organization', 'organisation', 'organization name', 'employer', 'account name',
        'business', 'firm', 'org', 'entreprise', 'firma', 'empresa',
        'societe', 'unternehmen', 'azienda', 'bedrijf', 'compania', 'societa', 'companhia', 'organizacion',
      ],
    },
    {
      name: 'domain',
      type: 'domain',
      required: false,
      description: 'Company web domain; taken from the e-mail address (not free-mail) when there is no column for it',
      derive: { kind: 'domain_from_email', from: 'email' },
      synonyms: ['domain', 'company domain', 'website', 'web site', 'company website', 'url', 'web', 'homepage', 'web page', 'site', 'sitio web', 'site web', 'site internet', 'webseite', 'internetseite', 'sito web', 'pagina web'],
    },
  ],
};
