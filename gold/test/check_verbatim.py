"""Check that every actor mention, boilerplate line and event evidence of gold/test/events.jsonl occurs
verbatim in its article in gold/test/docs.jsonl, and that event types are PLOVER types.
Run from the repository root: python gold/test/check_verbatim.py"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
docs = {d["id"]: d for d in map(json.loads, (HERE / "docs.jsonl").read_text(encoding="utf-8").splitlines())}
problems = 0
gold = [json.loads(line) for line in (HERE / "events.jsonl").read_text(encoding="utf-8").splitlines()]
for g in gold:
    text = docs[g["doc"]]["text"]
    strings = [("mention", m) for a in g["actors"] for m in a["mentions"]]
    strings += [("boilerplate", b) for b in g["boilerplate"]]
    strings += [("evidence", e["evidence"]) for e in g["events"]]
    for kind, s in strings:
        if s not in text:
            print(f"{g['doc']}: {kind} not in text: {s!r}")
            problems += 1
    for e in g["events"]:
        if e["type"] not in TYPES:
            print(f"{g['doc']}: unknown type {e['type']}")
            problems += 1
missing = set(docs) - {g["doc"] for g in gold}
if missing:
    print("documents without gold:", sorted(missing))
    problems += len(missing)
print(f"{len(gold)} documents, {sum(len(g['events']) for g in gold)} events, {problems} problems")
sys.exit(1 if problems else 0)
