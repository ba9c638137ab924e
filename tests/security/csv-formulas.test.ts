// [SECURITY] Exports escape spreadsheet formulas (issue 11 item 10, targets.md): a cell starting with =, +,
// -, @, tab or CR, or holding one right after a ; or , (where a spreadsheet in another locale splits the
// line), is neutralised with a leading '. Real numbers stay numbers, negative ones included.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvLine, neutraliseFormulas } from '@/lib/csv/safe-csv';

/** What a spreadsheet that splits on `sep` and ignores quotes would see as cells. */
const naiveCells = (line: string, sep: string) => line.replace(/\r\n$/, '').split(sep).map((c) => c.replace(/^"|"$/g, ''));
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:\.\d+)?$/.test(cell);
// (A bare number cell, -4 below, is a number in either split.)

describe('[SECURITY] CSV formula neutralising', () => {
  it.each([
    [';=1+1', '";\'=1+1"'],
    [',@SUM(1)', '",\'@SUM(1)"'],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['-1+1', "'-1+1"],
    ['Acme; =1', '"Acme; =1"'], // a space first: not a formula start in any spreadsheet
    ['name;-2', '"name;\'-2"'], // after a split even a number: in a ;-locale it could run on into the next cell
  ])('writes %j as %j', (value, cell) => {
    expect(csvLine([value])).toBe(`${cell}\r\n`);
  });

  it('keeps real numbers numeric, negative ones and numeric strings (postgres numerics) included', () => {
    expect(csvLine([-1, -2.5, 0, '-1', '-120.50', '42'])).toBe('-1,-2.5,0,-1,-120.50,42\r\n');
  });

  it('writes other values as data: empty for null, ISO dates, true/false', () => {
    expect(csvLine([null, undefined, true, false, new Date(Date.UTC(2026, 0, 2)), 12n])).toBe(',,true,false,2026-01-02T00:00:00.000Z,12\r\n');
  });

  it('quotes what needs quoting and reads back to the neutralised text', () => {
    const doc = csvDocument([['id', 'name'], [1, 'say "hi",=1'], [2, 'a\nb'], [3, ';=1+1']]);
    expect(parse(doc)).toEqual([['id', 'name'], ['1', "say \"hi\",'=1"], ['2', 'a\nb'], ['3', ";'=1+1"]]);
  });

  it('leaves no formula for a spreadsheet that splits on ; or , and ignores quotes', () => {
    const line = csvLine(['ok', ';=1+1', ',@SUM(1)', '=cmd', '\tx', 'a;+2;-3', -4]);
    for (const sep of [';', ',']) expect(naiveCells(line, sep).filter(isFormula)).toEqual([]);
  });

  it('changes nothing in ordinary text', () => {
    for (const s of ['Acme Corp', 'a-b', 'e-mail: x@y.test', 'Q3 (2026)', '']) expect(neutraliseFormulas(s)).toBe(s);
  });
});
