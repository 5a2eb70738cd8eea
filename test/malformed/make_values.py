#!/usr/bin/env python3
"""Write test/malformed/values.tsv: malformed values of every msc_registry
type, each with the SQLSTATE the documentation gives for it.

Columns (tab-separated, PostgreSQL COPY text format, so \\t \\n \\\\ and
\\xNN escapes stand for tab, line feed, backslash and control bytes):

  type      the SQL type the value is cast to (may carry a type modifier)
  kind      text: input is the value itself
            expr: input is an SQL expression whose value is cast (huge
                  strings are built, not stored)
            call: input is a whole SQL expression to evaluate (functions,
                  type modifiers, invalid UTF-8)
  input
  sqlstate  the documented SQLSTATE
  why       what makes the value malformed

Run it again after changing the lists; the pg_regress test malformed
(sql/malformed.sql) checks every row.
"""
import os

rows = []

def add(typ, kind, inp, state, why):
    rows.append((typ, kind, inp, state, why))

TEXT_TYPES = ['msc_source', 'msc_route', 'msc_donor', 'msc_manipulation',
              'pain_score', 'cell_dose', 'trial_id']

# ---- hostile values no type accepts: 22P02 for every type ----
generic = [
    ('', 'empty'), (' ', 'blank'), ('\t', 'tab only'), ('\n', 'line feed only'),
    ('   \t\n  ', 'white space only'), ('NULL', 'the word NULL'), ('null', 'JSON null'),
    ('None', 'Python None'), ('undefined', 'JavaScript undefined'), ('N/A', 'not applicable'),
    ('-', 'a dash'), ('?', 'a question mark'),
    ("'", 'a lone quote'), ("''", 'two quotes'), ("'; DROP TABLE trial; --", 'SQL injection'),
    ('1; SELECT pg_sleep(10)', 'stacked query'), ('\\', 'a backslash'), ('"', 'a double quote'),
    ('%s%s%s%n', 'printf format'), ('$1', 'a parameter marker'), ('/* */', 'an SQL comment'),
    ('--', 'a line comment'), ("E'\\x00'", 'an escape string'), ('%', 'LIKE wildcard'),
    ('<script>alert(1)</script>', 'HTML'), ('${jndi:ldap://x/a}', 'JNDI lookup'),
    ('{{7*7}}', 'template'), ('../../etc/passwd', 'path traversal'), ('{}', 'empty array literal'),
    ('[]', 'JSON array'), ('{"a":1}', 'JSON object'), ('(1,2)', 'a row'),
    ('\x01', 'control character SOH'), ('\x07', 'BEL'), ('\x1b[31mred\x1b[0m', 'ANSI escape'),
    ('\x7f', 'DEL'), ('a\x08b', 'backspace'), ('\x1f', 'unit separator'), ('x\x0bx', 'vertical tab inside'),
    ('\u200b', 'zero-width space'), ('\ufeff', 'byte-order mark'), ('\u00a0', 'no-break space'),
    ('\u202e', 'right-to-left override'), ('\u00ad', 'soft hyphen'), ('\U0001F489', 'an emoji (syringe)'),
    ('\uff58', 'fullwidth letter'), ('e\u0301', 'combining accent'), ('\ufffd', 'replacement character'),
    ('\u0000'.replace('\u0000', '\\0'), 'backslash zero text'),
    ('1' * 400, 'overlong number'), ('9' * 1000, 'very long number'), ('1e999999999', 'huge exponent'),
    ('-0', 'negative zero'), ('+', 'a lone sign'), ('NaN', 'NaN'), ('Infinity', 'infinity'),
    ('-Infinity', 'minus infinity'), ('0x1F', 'hexadecimal'), ('\u0661\u0662\u0663', 'Arabic-Indic digits'),
    ('\u00bd', 'vulgar fraction'), ('\u00b2', 'superscript two'),
]
# where a type documents another SQLSTATE for one of them
generic_state = {
    ('cell_dose', '-0'): '22003',           # zero and negative doses are out of range
    ('cell_dose', '1e999999999'): '22003',  # a number, far above 1e15
}
for t in TEXT_TYPES:
    for v, why in generic:
        add(t, 'text', v, generic_state.get((t, v), '22P02'), why)
    for expr, why in [
        ("repeat('x', 65)", '65 bytes'), ("repeat('x', 129)", '129 bytes'), ("repeat('x', 257)", '257 bytes'),
        ("repeat('x', 100000)", '100 kB'), ("repeat('x', 10485760)", '10 MB string'),
        ("repeat('é', 5000)", '5000 two-byte characters'), ("repeat(' ', 10000)", '10000 blanks'),
        ("repeat('bone marrow ', 1000)", 'a valid word repeated'), ("repeat(chr(1), 300)", '300 control characters'),
    ]:
        add(t, 'expr', expr, '22P02', why)

# ---- per type ----
def many(typ, state, items):
    for v, why in items:
        add(typ, 'text', v, state, why)

many('msc_source', '22P02', [
    ('bone', 'a part of a name'), ('bone marow', 'misspelt'), ('marrow bone', 'words swapped'),
    ('bone_marrow_x', 'a suffix'), ('bone marrow marrow', 'a word twice'), ('h', 'the human prefix alone'),
    ('human', 'human alone'), ('MSC', 'the cell noun alone'), ('stem cells', 'cell nouns alone'),
    ('adipose adipose', 'a tissue twice'), ('bon\u0435 marrow', 'Cyrillic e'), ('\uff42\uff4f\uff4e\uff45 marrow', 'fullwidth letters'),
    ('bone\u00a0marrow', 'no-break space inside'), ('bone\u200bmarrow', 'zero-width space inside'),
    ('iPSC\u2010derivedx', 'Unicode hyphen and a suffix'), ('Wharton`s jelly', 'a backtick for an apostrophe'),
    ('BM, AD', 'two sources'), ('BM AD', 'two abbreviations'), ('bone marrow; adipose', 'a list'),
    ('unknown', 'unknown'), ('other', 'other'), ('bone marrow\x01', 'a control character after a name'),
    ('liver', 'not an MSC source'), ('UC MSC MSC x', 'noise around a name'), ('0', 'a code number'),
    ('1', 'the code of bone marrow'), ('bone marrow (BM)', 'name and abbreviation'),
])
many('msc_route', '22P02', [
    ('intra', 'a prefix alone'), ('articular', 'a part of a name'), ('intra-articulary', 'misspelt adverb'),
    ('intraarticularr', 'misspelt'), ('oral', 'not a route of the catalogue'), ('topical', 'not in the catalogue'),
    ('ID', 'ambiguous abbreviation left out'), ('IA IV', 'two routes'), ('IV, IA', 'a list'),
    ('intravenous intravenous', 'a route twice'), ('injection', 'the act alone'), ('via', 'a noise word alone'),
    ('single injection', 'noise words only'), ('\u0456ntravenous', 'Ukrainian i'), ('\uff29\uff36', 'fullwidth IV'),
    ('i\u00a0v', 'no-break space'), ('intra\u2011articular', 'non-breaking hyphen'), ('intravenously\x1b', 'escape at the end'),
    ('0', 'a code number'), ('3', 'the code of intravenous'), ('ly', 'an adverb ending alone'), ('lyly', 'ending twice'),
    ('intravenouslyly', 'ending twice after a route'), ('into', 'a preposition'), ('into the', 'an unfinished phrase'),
])
many('msc_donor', '22P02', [
    ('Autologous', 'capitalised (enum labels are exact)'), ('autologous ', 'a trailing blank'), (' allogeneic', 'a leading blank'),
    ('auto', 'an abbreviation'), ('allogenic', 'misspelt'), ('xenogeneic', 'not a donor of the enum'),
    ('syngeneic', 'not a donor of the enum'), ('autologous,allogeneic', 'both'), ('AUTOLOGOUS', 'upper case'),
    ('autologous\x01', 'a control character'), ('аutologous', 'Cyrillic a'), ('1', 'an enum position'),
])
many('msc_manipulation', '22P02', [
    ('culture expanded', 'a blank for the underscore'), ('culture-expanded', 'a hyphen'), ('Culture_expanded', 'capitalised'),
    ('minimally manipulated', 'blank'), ('minimally-manipulated', 'hyphen'), ('cultured', 'another word'),
    ('more than minimally manipulated', 'a regulatory phrase'), ('culture_expanded ', 'trailing blank'),
    ('minimally_manipulated\t', 'a trailing tab'), ('culture_expanded,minimally_manipulated', 'both'),
    ('0', 'an enum position'), ('ｃｕｌｔｕｒｅ_expanded', 'fullwidth'),
])
many('pain_score', '22P02', [
    ('nrs:', 'no number'), (':7', 'no instrument'), ('nrs:7:8', 'two numbers'), ('nrs::7', 'two colons'),
('nrs:7.1234', 'four decimals'), ('nrs:1e1', 'an exponent'), ('nrs:0x7', 'hexadecimal'),
    ('nrs:-1', 'a sign'), ('nrs:+7', 'a plus sign'), ('nrs:NaN', 'NaN'), ('nrs:Infinity', 'infinity'),
    ('nrs:\uff17', 'a fullwidth digit'), ('nrs:\u0667', 'an Arabic-Indic digit'), ('\uff4e\uff52\uff53:7', 'a fullwidth name'),
    ('nrs:7 8', 'two scores'), ('nrs:7, vas:40', 'two instruments'), ('NRS 7 mm', 'a foreign unit'),
    ('7/100 NRS', 'a wrong denominator'), ('VAS 45 kg', 'a foreign unit'), ('ODI 38 mm', 'a foreign unit'),
    ('7', 'a bare number'), ('7/10', 'a bare fraction'), ('NRS 7/0', 'a zero denominator'), ('NRS 7/-10', 'a negative denominator'),
    ('nrs:1,000', 'a thousands separator'), ('vas:45,5', 'a decimal comma'), ('foo:7', 'an unknown instrument'),
    ('nrs:7\x00'.replace('\x00', '\\0'), 'a backslash-zero'), ('nrs:7\x01', 'a control character'),
    ('nrs:' + '7' * 200, 'a 200-digit number'), ('nrs:0.' + '0' * 100 + '1', 'a hundred decimals'),
    ('nrs:\u2212 1', 'a minus sign'), ('womac:7', 'a family name, not an instrument'), ('koos:50', 'a family name'),
    ('nrs:7;DROP TABLE x', 'injection after a score'), ('n r s:7', 'a spaced name'), ('nrs 7 7/10', 'two forms'),
    ('VAS 4.5555 cm mm', 'two units'), ('VAS 4.55555 cm', 'four decimals in mm after conversion'),
])
many('pain_score', '22003', [
    ('nrs:11', 'above the range'), ('vas:100.001', 'above the range by a thousandth'), ('nrs:10.001', 'above by a thousandth'),
    ('nrs:99999999999999999999', 'a huge number'), ('nrs:4294967.296', 'one past 32 bits of thousandths'),
    ('nrs:4294967.295', 'the 32-bit maximum'), ('womac_pain:21', 'above 20'), ('odi:101', 'above 100 %'),
    ('rmdq:25', 'above 24'), ('NRS 11/10', 'above its denominator'), ('VAS 10.1 cm', 'above in cm'), ('VAS 101 mm', 'above in mm'),
    ('koos_pain:100.5', 'above 100'), ('vas:45.5 cm', '455 mm after conversion'), ('lysholm:101', 'above 100'), ('bpi_severity:10.5', 'above 10'),
])
many('cell_dose', '22P02', [
    ('5x10e7', 'ambiguous 10e7'), ('1,5 million', 'a decimal comma'), ('1,50,00,000', 'Indian grouping'),
    ('1000,000', 'irregular grouping'), ('0,500', 'a decimal comma'), ('1.000.000', 'dots as separators'),
    ('100 000 000', 'blanks as separators'), ('5 million million', 'two scales'), ('5e7 million', 'exponent and scale'),
    ('two million', 'a number word'), ('5e', 'no exponent'), ('5 x 10^', 'no power'), ('x10^7', 'no mantissa'),
    ('5 x 10', 'no caret'), ('5e7 mL', 'a volume unit'), ('5e7 cells/g', 'per gram'), ('5e7 cells/knee', 'per knee'),
    ('5e7 cells/kg/kg', 'per kg twice'), ('5e7 5e7', 'two values'), ('--5e7', 'two signs'), ('5e7%', 'a percent'),
('1.234567890123456789e10', '19 significant digits'),
    ('5e7 cells\x01', 'a control character'), ('\uff15e7', 'a fullwidth digit'), ('5\u00d710', 'a power without exponent'),
    ('5e7 cells per', 'an unfinished per'), ('/kg', 'a unit alone'), ('cells', 'a noun alone'), ('e', 'a letter'),
    ('5 x 10^7^2', 'a second power'), ('5e7 MSCs cells', 'two nouns'), ('1e8 viable', 'viable without a noun'),
    ('5E+', 'a sign without exponent'), ('5..0', 'two points'), ('.e7', 'no digits'),
])
many('cell_dose', '22003', [
    ('0', 'zero'), ('-5e7', 'negative'), ('1.5 cells', 'a fraction of a cell'), ('1.2345e3', 'a fraction of a cell'),
    ('5e16', 'more than 1e15'), ('2e13/kg', 'more than 1e13 per kg'), ('0.5/kg', 'less than one cell per kg'),
    ('1e999999', 'a huge exponent'), ('1e-999999', 'a tiny exponent'), ('0.0', 'zero with decimals'),
    ('-1', 'minus one'), ('1000000000000001', 'just above 1e15'), ('10^16', 'a power of ten too large'),
    ('1e-1/kg', 'a tenth of a cell per kg'), ('1234567890123456789', '19 digits, above 1e15'),
    ('5\u00d710\u2077\u2077', 'ten to the 77th in superscripts'), ('0 cells/kg', 'zero per kg'),
])
many('trial_id', '22P02', [
    ('NCT0123456', 'seven digits'), ('NCT012345678', 'nine digits'), ('NCT', 'a prefix alone'), ('NCT 1234567', 'seven digits after a blank'),
    ('NCT01234567 NCT07654321', 'two identifiers'), ('NCT01234567,ISRCTN12345678', 'two registries'),
    ('ISRCTN1234567', 'seven digits'), ('ISCRTN12345678', 'a misspelt prefix'), ('ChiCTR200001234', 'nine digits'),
    ('2004-00123-45', 'a short serial'), ('2004-000123-4', 'a short check'), ('04-000123-45', 'a two-digit year'),
    ('2003-000123-45', 'a year before EudraCT'), ('2023-503456-12', 'an EU CT number without its suffix'),
    ('DRKS0001234', 'seven digits'), ('KCT000123', 'six digits'), ('LBCTR201901234', 'nine digits'),
    ('IRCT20180123038465N', 'N without a number'), ('CTRI/2017/3/007983', 'a one-digit month part'),
    ('ACTRN1261500012345', 'thirteen digits'), ('NCT\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17', 'fullwidth digits'),
    ('N\u0421T01234567', 'a Cyrillic C'), ('NCT01234567\u200b', 'a zero-width space after'), ('NCT--01234567', 'two hyphens'),
    ('NCT01234567.', 'a full stop after'), ('(NCT01234567)', 'in parentheses'), ('NCT01234567x', 'a letter after'),
    ('xNCT01234567', 'a letter before'), ('EudraCT', 'a registry word alone'), ('EudraCT 2004', 'a year alone'),
    ('2004/000123/45', 'slashes'), ('U1111-123-5678', 'a short UTN part'), ('UMIN00001234', 'eight digits'),
    ('jRCT203120012', 'nine digits'), ('CTRI/2006/091/000007', 'a year before CTRI'), ('https://clinicaltrials.gov/study/NCT01234567', 'a URL'),
    ('NCT01234567\x01', 'a control character'), ('NCT0123456\u0669', 'an Arabic-Indic digit'), ('PACTR20150900123456', 'fourteen digits'),
    ('TCTR2018032000', 'ten digits'), ('RPCEC0000012', 'seven digits'), ('SLCTR/2018/12', 'a short serial'),
])

# ---- type modifiers and functions: the documented SQLSTATE of each ----
calls = [
    ('pain_score', "'nrs:7'::pain_score(vas)", '22023', 'a score of another instrument than the column'),
    ('pain_score', "'vas:45'::pain_score(nrs)", '22023', 'vas in an nrs column'),
    ('pain_score', "'nrs:7'::pain_score(nosuch)", '22023', 'an unknown instrument as type modifier'),
    ('pain_score', "'nrs:7'::pain_score(nrs, vas)", '22023', 'two type modifiers'),
    ('pain_score', "'nrs:7'::pain_score(7)", '22023', 'a number as type modifier'),
    ('pain_score', "'nrs:7'::pain_score('')", '22023', 'an empty type modifier'),
    ('pain_score', "'nrs:7'::pain_score('x''; DROP TABLE trial; --')", '22023', 'injection in a type modifier'),
    ('pain_score', "'nrs:7'::pain_score('" + 'w' * 1000 + "')", '22023', 'a 1000-byte type modifier'),
    ('pain_score', "'nrs:7'::pain_score('\u0578rs')", '22023', 'an Armenian lookalike in the type modifier'),
    ('pain_score', "'nrs:7'::pain_score(womac)", '22023', 'a family as type modifier'),
    ('pain_score', "pain_score('nrs', 'NaN')", '22023', 'NaN'),
    ('pain_score', "pain_score('nrs', 7.0001)", '22023', 'four decimals'),
    ('pain_score', "pain_score('foo', 1)", '22023', 'an unknown instrument'),
    ('pain_score', "pain_score(repeat('x', 1000000), 1)", '22023', 'a 1 MB instrument name'),
    ('pain_score', "pain_score('', 1)", '22023', 'an empty instrument name'),
    ('pain_score', "pain_score('nrs', -1)", '22003', 'negative'),
    ('pain_score', "pain_score('nrs', 11)", '22003', 'above the range'),
    ('pain_score', "pain_score('nrs', 'Infinity')", '22003', 'infinite'),
    ('pain_score', "pain_score('nrs', 1e100)", '22003', 'huge'),
    ('pain_score', "pain_score('nrs', '-Infinity')", '22003', 'minus infinity'),
    ('pain_score', "rescale('nrs:7'::pain_score, 'odi')", '22023', 'rescaling to an unrelated instrument'),
    ('pain_score', "rescale('nrs:7'::pain_score, 'nosuch')", '22023', 'rescaling to an unknown instrument'),
    ('pain_score', "rescale('vas:45.125'::pain_score, 'nrs')", '22003', 'a result that needs four decimals'),
    ('cell_dose', "cell_dose('NaN'::numeric)", '22023', 'NaN'),
    ('cell_dose', "cell_dose('Infinity'::numeric)", '22023', 'infinity'),
    ('cell_dose', "cell_dose(1.0000000000000000001, true)", '22023', '20 significant digits'),
    ('cell_dose', "cell_dose(0)", '22003', 'zero'),
    ('cell_dose', "cell_dose(-5e7)", '22003', 'negative'),
    ('cell_dose', "cell_dose(1.5)", '22003', 'a fraction of a cell'),
    ('cell_dose', "cell_dose(1e16)", '22003', 'more than 1e15'),
    ('cell_dose', "cell_dose(2e13, true)", '22003', 'more than 1e13 per kg'),
    ('cell_dose', "cell_dose(10::numeric ^ 1000)", '22003', 'ten to the thousandth'),
    ('cell_dose', "cell_dose(0.5, true)", '22003', 'half a cell per kg'),
    ('classify', "msc_sources_in(repeat('x', 1048577))", '22023', 'more than 1 MB of text'),
    ('classify', "msc_routes_in(repeat('bone marrow ', 100000))", '22023', 'more than 1 MB of text'),
    ('classify', "msc_donor_in(repeat('a', 10485760))", '22023', '10 MB of text'),
    ('classify', "msc_manipulation_in(repeat('é', 600000))", '22023', '1.2 MB of two-byte characters'),
    ('classify', "cell_dose_in(repeat('1e8 cells ', 200000))", '22023', '2 MB of text'),
    ('stat', "(SELECT meta_analysis(y, v, E'RE\\x1bML') FROM (VALUES (0.1::float8, 0.01::float8)) AS t(y, v))", '22023', 'an escape character in a method name'),
    ('stat', "(SELECT meta_analysis(y, v, 'REML', E'z\\x03') FROM (VALUES (0.1::float8, 0.01::float8)) AS t(y, v))", '22023', 'a control character in a test name'),
    ('stat', "(SELECT meta_analysis(y, v, repeat('x', 39) || '€') FROM (VALUES (0.1::float8, 0.01::float8)) AS t(y, v))", '22023', 'a long method name ending in a three-byte character'),
    ('stat', "(SELECT meta_analysis(y, v, repeat('REML', 250000)) FROM (VALUES (0.1::float8, 0.01::float8)) AS t(y, v))", '22023', 'a 1 MB method name'),
    ('msc_source', "convert_from('\\xff'::bytea, 'UTF8')::msc_source", '22021', 'invalid UTF-8 never reaches the type'),
    ('msc_route', "convert_from('\\xc0af'::bytea, 'UTF8')::msc_route", '22021', 'an overlong UTF-8 encoding'),
    ('pain_score', "convert_from('\\x6e72733a37ed'::bytea, 'UTF8')::pain_score", '22021', 'a truncated sequence after nrs:7'),
    ('cell_dose', "convert_from('\\x3565eda080'::bytea, 'UTF8')::cell_dose", '22021', 'an encoded surrogate'),
    ('trial_id', "convert_from('\\x4e4354f4908080'::bytea, 'UTF8')::trial_id", '22021', 'a code point above U+10FFFF'),
]
for typ, expr, state, why in calls:
    add(typ, 'call', expr, state, why)

def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\':
            out.append('\\\\')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\r':
            out.append('\\r')
        elif o < 0x20 or o == 0x7f:
            out.append('\\x%02x' % o)
        else:
            out.append(ch)
    return ''.join(out)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'values.tsv'), 'w', encoding='utf-8') as f:
    for r in rows:
        f.write('\t'.join(esc(x) for x in r) + '\n')
print(len(rows), 'rows')
