import { describe, expect, it } from 'vitest';
import { isOrganisationName, organisationShare } from '../../functions/core/map/value-kinds.ts';

describe('isOrganisationName', () => {
  it('reads a firm or an institution by the noun that opens it in Romance languages', () => {
    for (const v of ['Lycée Blaise Diagne', 'Atelier Ndiaye Couture', 'Espital de Purpan', 'Scuola Media Dante', 'Prefeitura de Niterói']) {
      expect(isOrganisationName(v), v).toBe(true);
    }
  });

  it('reads the name before a place written after a comma, and a business of "Ventures"', () => {
    expect(isOrganisationName('Community Secondary School, Nnewi')).toBe(true);
    expect(isOrganisationName('Ngozi Nwosu Ventures')).toBe(true);
  });

  it('not one word, a person, or a job title', () => {
    for (const v of ['Atelier', 'Lycée', 'Awa Diop', 'Head of School', 'Nnewi, Community School']) expect(isOrganisationName(v), v).toBe(false);
  });

  it('gives the share of a column', () => {
    expect(organisationShare(['Lycée Blaise Diagne', 'Marse Sandaga', '', 'Garage Sarr et Frère'])).toEqual({ share: 2 / 3, count: 3 });
  });
});
