import { describe, expect, it } from 'vitest';
import { companyNameKey } from '../../functions/core/entities/normalize.ts';

/*
 * Every legal form the company-name key removes, written as a name carries it. A list of its own
 * (not read from legal-forms.ts), so a form dropped from the table is a failing test, not a
 * shorter loop.
 */

describe('legal forms', () => {
  it('removes every suffix form after a name', () => {
    const suffixes = [
    'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'and co', 'llc', 'l l c', 'llp', 'lllp', 'lp',
    'pllc', 'pc', 'ltd', 'limited', 'plc', 'public limited company', 'limited liability company', 'co ltd', 'company limited', 'cic', 'pty', 'pty ltd',
    'proprietary limited', 'pvt', 'pvt ltd', 'private limited', 'pte', 'pte ltd', 'opc pvt ltd', 'nl', 'gmbh', 'mbh', 'ag', 'kg',
    'kgaa', 'ohg', 'gbr', 'ev', 'eg', 'ug', 'ug haftungsbeschrankt', 'gmbh and co kg', 'gmbh and co', 'ag and co kg', 'se', 'gesmbh',
    'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sca', 'sci', 'scop', 'sem', 'sl', 'slu',
    'sau', 'sll', 'sa de cv', 'sab de cv', 'sapi de cv', 's de rl de cv', 's de rl', 'sa de cv sofom', 'srl', 'sac', 'saa', 'sas bic',
    'ltda', 'cia ltda', 'y cia', 'spa', 'srls', 'sapa', 'scarl', 'sas di', 'eireli', 'lda', 'sgps', 'epp',
    'bv', 'nv', 'vof', 'cv', 'bvba', 'sprl', 'scrl', 'srl bv', 'ab', 'publ', 'ab publ', 'hb',
    'kb', 'asa', 'as', 'a s', 'aps', 'ivs', 'oy', 'oyj', 'ehf', 'hf', 'ou', 'uab',
    'sia', 'sp z oo', 'spzoo', 'sp j', 'sp k', 'sro', 'spol s ro', 'vos', 'kft', 'zrt', 'nyrt', 'bt',
    'doo', 'dd', 'ead', 'ood', 'eood', 'pfa', 'ooo', 'zao', 'oao', 'pao', 'ao', 'ип',
    'ооо', 'зао', 'оао', 'пао', 'ао', 'тов', 'пат', 'anonim sirketi', 'ltd sti', 'limited sirketi', 'kk', 'gk',
    'yk', 'kabushiki kaisha', 'godo kaisha', 'yugen kaisha', 'sdn bhd', 'bhd', 'berhad', 'tbk', 'jsc', 'ojsc', 'pjsc', 'cjsc',
    'llc fz', 'fze', 'fzco', 'fz llc', 'fzllc', 'wll', 'spc', 'saog', 'saoc', 'psc', 'qsc', 'qpsc',
    'rf', 'soc ltd', 'pcl',
    ];
    expect(suffixes).toHaveLength(171);
    for (const form of suffixes) expect(companyNameKey(`Acme Widgets ${form}`), form).toBe('acme widgets');
  });

  it('removes every prefix form before a name', () => {
    const prefixes = [
    'pt', 'cv', 'ooo', 'zao', 'oao', 'pao', 'ao', 'ооо', 'зао', 'оао', 'пао', 'тов',
    'ип', 'the', '주', '주식회사',
    ];
    for (const form of prefixes) expect(companyNameKey(`${form} Acme Widgets`), form).toBe('acme widgets');
  });

  it('removes every CJK form written before or after a name without a space', () => {
    const forms = [
    '株式会社', '有限会社', '合同会社', '合资会社', '股份有限公司', '有限责任公司', '有限公司', '股份公司',
    '(株)', '（株）', '주식회사', '(주)', '（주）', '유한회사',
    ];
    for (const form of forms) {
      expect(companyNameKey(`トヨタ自動車${form}`), form).toBe('トヨタ自動車');
      expect(companyNameKey(`${form}トヨタ自動車`), form).toBe('トヨタ自動車');
    }
  });

  it('removes the longest form first', () => {
    expect(companyNameKey('Acme GmbH & Co. KG')).toBe('acme');
    expect(companyNameKey('Acme S.A. de C.V. SOFOM')).toBe('acme');
    expect(companyNameKey('Acme AB (publ)')).toBe('acme');
    expect(companyNameKey('Acme Sp. z o.o.')).toBe('acme');
  });
});
