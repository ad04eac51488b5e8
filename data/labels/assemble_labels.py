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

def read_layer(prefix, files, column, parse):
    """{id: (value, reason)} from raw/<prefix>-1.csv .. raw/<prefix>-<files>.csv (those that exist)."""
    values = {}
    for n in range(1, files + 1):
        path = os.path.join(ROOT, "raw", f"{prefix}-{n}.csv")
        if os.path.exists(path):
            values.update({r["id"]: (parse(r[column]), r.get("reason", "")) for r in read(path)})
    return values


def apply_reread(name, reread_files, adjudication_files, parse, first_of, set_final, show):
    """One re-read layer: the sentences read again for one label alone, blind to the first labels
    (raw/<name>-reread-N.csv); where the re-read disagreed with the first label, a third reader decided
    (raw/<name>-adjudication-N.csv). Only that label changes. Writes <name>_reread.csv, every re-read sentence with
    both readings and how they were resolved, and returns its rows."""
    reread = read_layer(f"{name}-reread", reread_files, name, parse)
    adjudicated = read_layer(f"{name}-adjudication", adjudication_files, name, parse)
    records = []
    for row in rows:
        if row["id"] not in reread:
            continue
        first, second = first_of(row), reread[row["id"]][0]
        final, how = first, "agreed"
        if first != second:
            if row["id"] not in adjudicated:
                how = "unresolved"  # kept as first labelled until a third reader decides
            else:
                final, reason = adjudicated[row["id"]]
                how = "adjudicated"
                row["note"] = (row["note"] + " | " if row["note"] else "") + f"{name} re-read adjudicated: " + reason
        set_final(row, final)
        records.append({"id": row["id"], f"first_{name}": show(first), f"reread_{name}": show(second), "resolution": how,
                        f"final_{name}": show(final)})
    if records:
        with open(os.path.join(ROOT, f"{name}_reread.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(records[0].keys()))
            w.writeheader()
            w.writerows(records)
    return records


def theme_set(row):
    return set(t for t in row["themes"].split(";") if t)


def set_scrutiny(row, present):
    themes = theme_set(row)
    row["themes"] = ";".join(sorted((themes | {"scrutiny"}) if present else (themes - {"scrutiny"})))


def set_stance(row, stance):
    row["stance"] = stance


# The scrutiny re-read: every labelled sentence naming scrutiny, challenge, accountability, oversight, members,
# councillors, boards, panels, IROs or external review (2,301) was read again for `scrutiny` alone by six readers, and
# six adjudication files.
rereads = apply_reread("scrutiny", 6, 6, lambda v: v.strip() == "yes", lambda row: "scrutiny" in theme_set(row),
                       set_scrutiny, lambda present: "yes" if present else "no")

# The stance re-read: every sentence read once so far (8,298: all but the second-read ones, whose stance two readers
# and an adjudicator had already settled) was read again for its stance alone by sixteen readers, under the guide's
# rules settled before the re-read, and five adjudicators decided the disagreements.
stance_rereads = apply_reread("stance", 16, 5, str.strip, lambda row: row["stance"], set_stance, lambda stance: stance)

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
