import { describe, expect, it } from 'vitest';
import { measuredWithinBilled, saysBilledLength } from '../../functions/core/map/billed-length.ts';
import { liesWithin } from '../../functions/core/map/talk-time.ts';

const col = (header: string, values: string[]) => ({ header, values });

describe('liesWithin', () => {
  it('is true when every value is no longer and one is shorter, on two rows or more', () => {
    expect(liesWithin(col('billsec', ['10', '20']), col('duration', ['15', '20']))).toBe(true);
    expect(liesWithin(col('billsec', ['10', '20', '5']), col('duration', ['15', '20', '30']))).toBe(true);
  });

  it('is false when one value is longer, all are equal, or fewer than two rows have both', () => {
    expect(liesWithin(col('billsec', ['10', '21']), col('duration', ['15', '20']))).toBe(false);
    expect(liesWithin(col('billsec', ['15', '20']), col('duration', ['15', '20']))).toBe(false);
    expect(liesWithin(col('billsec', ['10']), col('duration', ['15']))).toBe(false);
    expect(liesWithin(col('billsec', ['10', '', 'x']), col('duration', ['15', '20', '30']))).toBe(false);
    expect(liesWithin(col('billsec', ['10', '20', '']), col('duration', ['15', 'n/a', '30']))).toBe(false);
    // a longer value after the rows that agree still says no
    expect(liesWithin(col('billsec', ['10', '5', '40']), col('duration', ['15', '20', '30']))).toBe(false);
  });

  it('compares only the rows both columns have', () => {
    expect(liesWithin(col('billsec', ['10', '20']), col('duration', ['10', '20', '30']))).toBe(false);
    expect(liesWithin(col('billsec', ['10', '20']), col('duration', ['15', '25', '1']))).toBe(true);
    expect(liesWithin(col('billsec', ['10', '20', '99']), col('duration', ['15', '25']))).toBe(true);
  });

  it('reads each column in the unit its header states', () => {
    // 2 minutes is 120 seconds: not within 100 seconds
    expect(liesWithin(col('Talk (min)', ['2', '1']), col('Call (s)', ['100', '200']))).toBe(false);
    expect(liesWithin(col('Talk (s)', ['100', '50']), col('Call (min)', ['2', '1']))).toBe(true);
    expect(liesWithin(col('Talk', ['00:01:40', '00:00:50']), col('Call (min)', ['2', '1']))).toBe(true);
  });
});

describe('saysBilledLength', () => {
  it('finds a billing word among the header words', () => {
    expect(saysBilledLength('billed sec')).toBe(true);
    expect(saysBilledLength('minutos facturados')).toBe(true);
    expect(saysBilledLength('abgerechnete dauer')).toBe(true);
    expect(saysBilledLength('duree facturee')).toBe(true);
    expect(saysBilledLength('billsec')).toBe(false);
    expect(saysBilledLength('call sec')).toBe(false);
  });
});

describe('measuredWithinBilled', () => {
  const billed = col('billed_sec', ['60', '120', '60']);

  it('takes a length column within the billed one: seconds by its header, or clock lengths', () => {
    const columns = [
      { column: 1, ...col('call_sec', ['42', '75', '60']) },
      { column: 2, ...col('Talk', ['00:00:42', '00:01:15', '00:01:00']) },
    ];
    expect(measuredWithinBilled(billed, columns)).toEqual([1, 2]);
  });

  it('leaves columns that are no length, longer, or with fewer than two values', () => {
    const columns = [
      { column: 1, ...col('call_id', ['42', '75', '60']) },
      { column: 2, ...col('call_sec', ['42', '175', '60']) },
      { column: 3, ...col('call_sec', ['42', '', ' ']) },
      { column: 4, ...col('call_sec', ['42', '75 s', '60']) },
      { column: 5, ...col('Start', ['09:00', '10:00', '11:00']) },
      { column: 6, ...col('call_sec', ['42', '75', '']) },
    ];
    expect(measuredWithinBilled(billed, columns)).toEqual([6]);
  });
});

describe('the billing words, one at a time', () => {
  it('finds each', () => {
    const words = [
      'billed', 'billable', 'charged', 'chargeable', 'rated',
      'facturado', 'facturados', 'facturada', 'facturable', 'tarificado', 'tarificados',
      'faturado', 'faturados', 'tarifado', 'tarifados',
      'facture', 'facturee', 'facturees', 'factures', 'taxe', 'taxee', 'taxees', 'taxes',
      'fatturato', 'fatturati', 'fatturata', 'tariffato', 'tariffati',
      'abgerechnet', 'abgerechnete', 'berechnet', 'berechnete', 'verrechnet', 'verrechnete',
      'gefactureerd', 'gefactureerde', 'afgerekend',
      'debiterad', 'debiteret', 'fakturert', 'fakturerad',
    ];
    expect(words.filter((w) => !saysBilledLength(`duration ${w}`))).toEqual([]);
    expect(saysBilledLength('')).toBe(false);
  });
});
