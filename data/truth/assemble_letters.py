#!/usr/bin/env python3
"""Rebuilds letters_dev.csv from the readers' files in raw/ (see LETTERS_GUIDE.md and AGREEMENT_LETTERS.md).

Layers, in order: the primary readers (raw/reader_a1..a6.csv, one row per letter); the settled disagreements with the
second reader (raw/adjudicated_second_read.csv); the adjudicated themes of the COVID-19 visits that state no focus
(raw/adjudicated_covid_themes.csv); the adjudicated disagreements of the second read of every letter's visit themes
(raw/themes_c*.csv read blind; raw/adjudicated_themes.csv decided by a third reader who did not know which reading
was which). Running it reproduces letters_dev.csv exactly.
"""
import csv, glob, os

here = os.path.dirname(os.path.abspath(__file__))
raw = os.path.join(here, 'raw')
rows = []
for path in sorted(glob.glob(os.path.join(raw, 'reader_a*.csv'))):
    with open(path, encoding='utf-8', newline='') as f:
        rows.extend(csv.DictReader(f))
by_file = {r['file']: r for r in rows}
assert len(by_file) == len(rows), 'a letter is read twice by the primary readers'

with open(os.path.join(raw, 'adjudicated_second_read.csv'), encoding='utf-8', newline='') as f:
    for s in csv.DictReader(f):
        if s['field'] == 'visit_themes':
            continue  # settled by the COVID-19 adjudication below
        by_file[s['file']][s['field']] = s['settled_value']

with open(os.path.join(raw, 'adjudicated_covid_themes.csv'), encoding='utf-8', newline='') as f:
    for s in csv.DictReader(f):
        row = by_file[s['file']]
        row['visit_themes'] = s['visit_themes']
        row['note'] = (row['note'] + ' | ' if row['note'] else '') + 'themes adjudicated (COVID-19 visit without a focus): ' + s['reason']

adjudicated = os.path.join(raw, 'adjudicated_themes.csv')
if os.path.exists(adjudicated):
    with open(adjudicated, encoding='utf-8', newline='') as f:
        for s in csv.DictReader(f):
            row = by_file[s['file']]
            if row['visit_themes'] != s['visit_themes']:
                row['note'] = (row['note'] + ' | ' if row['note'] else '') + f"themes settled after a second read ({row['visit_themes']} -> {s['visit_themes']}): " + s['reason']
            row['visit_themes'] = s['visit_themes']

fields = list(rows[0].keys())
with open(os.path.join(here, 'letters_dev.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=fields, quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
    w.writeheader()
    for r in sorted(rows, key=lambda r: r['file']):
        w.writerow(r)
print(f'letters_dev.csv: {len(rows)} letters')
