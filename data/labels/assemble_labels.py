"""Assembles data/labels/labels.csv from the readers' raw files (a record of how the file was made; run from the
repository root with python3; not needed to train or test).

- sample.csv: the drawn sentences (see SAMPLING.md), with the sentence before each in its paragraph (previous_text,
  added by `judgementminer labels context`; context the models read, never shown as a label).
- raw/annotator-N.csv: reader N's labels (id, themes, stance, note). Reader N labelled batch N (1,000 sentences) and,
  blind, 67 sentences of batch N+1 (batch 1 for reader 6): the second reads. Reader 7 labelled the 400 sentences
  of the second scrutiny draw (batch 7); readers 8 to 10 the 1,100 round-2 sentences (batches 8 to 10), read once;
  readers 11 to 14 the 1,400 round-3 sentences (batches in batches/round3-N.csv), and readers 15 and 16 read 200 of
  them a second time, blind (batches/round3-second-N.csv); readers 17 to 24 the 1,500 round-4 sentences, a plain
  random draw (batches/round4-N.csv, drawn by tools/DrawRound4.cs), and readers 25 to 32 the 1,500 of round 5, a
  second random draw (batches/round5-N.csv, tools/DrawRound5.cs), each read once under the guide as it stands after
  the stance re-read.
  Which reader read a sentence is taken from the raw files themselves, so nothing outside this folder is needed.
- raw/scrutiny-reread-N.csv and raw/scrutiny-adjudication-N.csv: the scrutiny re-read (see the code below and
  AGREEMENT.md); only the scrutiny theme of those sentences changes.
- raw/stance-reread-N.csv and raw/stance-adjudication-N.csv: the stance re-read (see the code below and
  AGREEMENT.md); only the stance of those sentences changes.
- raw/adjudication.csv (round 1) and raw/adjudication-round3.csv: for second-read sentences where the two readers
  disagreed, a third reader's decision.

labels.csv holds every sentence once, with the primary reader's labels, or the adjudicated labels where the two
readers disagreed. double.csv keeps both readers' labels of every second-read sentence and the resolution.
"""
import csv, os

ROOT = os.path.join("data", "labels")
READERS = 32  # annotator-1 .. annotator-32
SECOND_READERS = {15, 16}  # round 3's second readers: they read only sentences of other readers' batches


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


sample = {r["id"]: r for r in read(os.path.join(ROOT, "sample.csv"))}
raw = {}
appear = {}  # sentence id -> the readers (= batches) that labelled it
for n in range(1, READERS + 1):
    path = os.path.join(ROOT, "raw", f"annotator-{n}.csv")
    if os.path.exists(path):
        for r in read(path):
            raw[(r["id"], n)] = r
            appear.setdefault(r["id"], []).append(n)


def primary_and_second(batches):
    if len(batches) == 1:
        return batches[0], None
    a, b = sorted(batches)
    if b in SECOND_READERS:
        return a, b
    return (1, 6) if (a, b) == (1, 6) else (b, a)


adjudicated = {}
for name in ["adjudication.csv", "adjudication-round3.csv"]:
    adj_path = os.path.join(ROOT, "raw", name)
    if os.path.exists(adj_path):
        adjudicated.update({r["id"]: r for r in read(adj_path)})


def norm(themes):
    return ";".join(sorted(t for t in themes.split(";") if t.strip()))


rows, doubles = [], []
for sid, s in sample.items():
    if sid not in appear:
        continue
    first, second = primary_and_second(appear[sid])
    p = raw.get((sid, first))
    if p is None:
        continue
    themes, stance, annotator, note, resolution = norm(p["themes"]), p["stance"].strip(), f"annotator-{first}", p["note"], ""
    if second is not None and (sid, second) in raw:
        q = raw[(sid, second)]
        agree = norm(q["themes"]) == themes and q["stance"].strip() == stance
        resolution = "agreed" if agree else "unresolved"
        if not agree and sid in adjudicated:
            a = adjudicated[sid]
            themes, stance, annotator, resolution = norm(a["themes"]), a["stance"].strip(), f"annotator-{first}+annotator-{second}+adjudicator", "adjudicated"
            note = (note + " | " if note else "") + "adjudicated: " + a.get("reason", "")
        doubles.append({"id": sid, "text": s["text"], "first_annotator": f"annotator-{first}", "first_themes": norm(p["themes"]),
                        "first_stance": p["stance"].strip(), "second_annotator": f"annotator-{second}", "second_themes": norm(q["themes"]),
                        "second_stance": q["stance"].strip(), "resolution": resolution, "final_themes": themes, "final_stance": stance})
    rows.append({**{k: s[k] for k in ["id", "report_id", "la", "framework", "year", "section", "section_heading", "stratum", "text"]},
                 "themes": themes, "stance": stance, "annotator": annotator, "note": note, "double_annotated": "true" if second else "false",
                 "resolution": resolution, "previous_text": s.get("previous_text", "")})

# The scrutiny re-read: every labelled sentence naming scrutiny, challenge, accountability, oversight, members,
# councillors, boards, panels, IROs or external review (2,301) was read again for `scrutiny` alone by six readers,
# blind to the first labels (raw/scrutiny-reread-N.csv); where the re-read disagreed with the first labels, a third
# reader decided (raw/scrutiny-adjudication-N.csv). Only the scrutiny theme of those sentences changes.
reread, reread_adjudicated = {}, {}
for n in range(1, 7):
    path = os.path.join(ROOT, "raw", f"scrutiny-reread-{n}.csv")
    if os.path.exists(path):
        reread.update({r["id"]: r["scrutiny"].strip() == "yes" for r in read(path)})
    path = os.path.join(ROOT, "raw", f"scrutiny-adjudication-{n}.csv")
    if os.path.exists(path):
        reread_adjudicated.update({r["id"]: (r["scrutiny"].strip() == "yes", r["reason"]) for r in read(path)})
rereads = []
for row in rows:
    if row["id"] not in reread:
        continue
    themes = set(t for t in row["themes"].split(";") if t)
    first, second = "scrutiny" in themes, reread[row["id"]]
    final, how = first, "agreed"
    if first != second:
        if row["id"] not in reread_adjudicated:
            how = "unresolved"  # kept as first labelled until a third reader decides
        else:
            final, reason = reread_adjudicated[row["id"]]
            how = "adjudicated"
            row["note"] = (row["note"] + " | " if row["note"] else "") + "scrutiny re-read adjudicated: " + reason
    themes = (themes | {"scrutiny"}) if final else (themes - {"scrutiny"})
    row["themes"] = ";".join(sorted(themes))
    rereads.append({"id": row["id"], "first_scrutiny": "yes" if first else "no", "reread_scrutiny": "yes" if second else "no",
                    "resolution": how, "final_scrutiny": "yes" if final else "no"})
if rereads:
    with open(os.path.join(ROOT, "scrutiny_reread.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rereads[0].keys()))
        w.writeheader()
        w.writerows(rereads)

# The stance re-read: every sentence read once so far (8,298: all but the second-read ones, whose stance two readers
# and an adjudicator had already settled) was read again for its stance alone by sixteen readers, blind to the first
# labels, under the guide's rules settled before the re-read (raw/stance-reread-N.csv); where the re-read disagreed
# with the first label, a third reader decided (raw/stance-adjudication-N.csv). Only the stance changes.
stance_reread, stance_adjudicated = {}, {}
for n in range(1, 17):
    path = os.path.join(ROOT, "raw", f"stance-reread-{n}.csv")
    if os.path.exists(path):
        stance_reread.update({r["id"]: r["stance"].strip() for r in read(path)})
for n in range(1, 6):
    path = os.path.join(ROOT, "raw", f"stance-adjudication-{n}.csv")
    if os.path.exists(path):
        stance_adjudicated.update({r["id"]: (r["stance"].strip(), r["reason"]) for r in read(path)})
stance_rereads = []
for row in rows:
    if row["id"] not in stance_reread:
        continue
    first, second = row["stance"], stance_reread[row["id"]]
    final, how = first, "agreed"
    if first != second:
        if row["id"] not in stance_adjudicated:
            how = "unresolved"  # kept as first labelled until a third reader decides
        else:
            final, reason = stance_adjudicated[row["id"]]
            how = "adjudicated"
            row["note"] = (row["note"] + " | " if row["note"] else "") + "stance re-read adjudicated: " + reason
    row["stance"] = final
    stance_rereads.append({"id": row["id"], "first_stance": first, "reread_stance": second, "resolution": how, "final_stance": final})
if stance_rereads:
    with open(os.path.join(ROOT, "stance_reread.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(stance_rereads[0].keys()))
        w.writeheader()
        w.writerows(stance_rereads)

with open(os.path.join(ROOT, "labels.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)
with open(os.path.join(ROOT, "double.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(doubles[0].keys()))
    w.writeheader()
    w.writerows(doubles)
print(f"labels.csv: {len(rows)} rows; double.csv: {len(doubles)} rows; scrutiny re-read: {len(rereads)} rows; "
      f"stance re-read: {len(stance_rereads)} rows")
