"""Agreement of the second reader (raw/reader_b1.csv) with the primary readers (raw/reader_a*.csv) on the 60 letters both read,
per field, and every disagreement (raw/second_read_disagreements.csv). Run: python3 data/truth/agreement_letters.py"""
import csv,re,sys
def load(f): return {r['file']:r for r in csv.DictReader(open(f,encoding='utf-8'))}
import glob, os
here=os.path.dirname(os.path.abspath(__file__))
A={}
for f in sorted(glob.glob(os.path.join(here,'raw','reader_a*.csv'))): A.update(load(f))
B=load(os.path.join(here,'raw','reader_b1.csv'))
def fold(f,v):
    v=(v or '').strip()
    if f in('visit_themes','inspectors'): return ';'.join(sorted(x.strip().lower() for x in v.split(';') if x.strip()))
    if f in('visit_focus','provider'):
        v=v.lower().replace('’',"'").replace('‘',"'"); v=re.sub(r'[◼•▪●]',' ',v); v=' '.join(v.split()); v=re.sub(r'- (?=[a-z])','-',v); return v.rstrip('. ')
    return v
fields=['inspection_type','framework','local_authority','la_code','inspection_start','inspection_end','publication_date','visit_focus','visit_themes','priority_actions','send_outcome','inspectors','provider']
dis=[]
for f in fields:
    n=ok=0
    for k,b in B.items():
        a=A[k]; n+=1
        if fold(f,a[f])==fold(f,b[f]): ok+=1
        else: dis.append((k,f,a[f],b[f],a['note'],b['note']))
    print(f"{f:18} {ok}/{n} {ok/n:.3f}")
w=csv.writer(open(os.path.join(here,'raw','second_read_disagreements.csv'),'w',newline='',encoding='utf-8'))
w.writerow(['file','field','reader_a','reader_b1','note_a','note_b1'])
w.writerows(dis)
print(len(dis))

# The second read of every focused visit's and joint inspection's visit themes (raw/themes_c1..c4.csv, read blind)
# against the first reading (the primary readers with the COVID-19 re-read, before the themes were settled).
import subprocess
first = {}
for f in sorted(glob.glob(os.path.join(here, 'raw', 'reader_a*.csv'))): first.update(load(f))
with open(os.path.join(here, 'raw', 'adjudicated_covid_themes.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f): first[r['file']]['visit_themes'] = r['visit_themes']
second = {}
for f in sorted(glob.glob(os.path.join(here, 'raw', 'themes_c*.csv'))): second.update(load(f))
same = sum(fold('visit_themes', first[k]['visit_themes']) == fold('visit_themes', v['visit_themes']) for k, v in second.items())
print(f"visit_themes, second read of {len(second)} letters: {same}/{len(second)} {same/len(second):.3f}")
