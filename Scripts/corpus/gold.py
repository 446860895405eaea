"""Gold file for a synthetic report, in the shape of /work/shared/corpus/*.gold.json plus our
`dropped` field."""

import json

from . import identities as ids
from .synth import PLAIN_NUMBER, describe_failures, display_form


def make_gold(r, artifacts):
    notes = "Synthetic report (Scripts/generate-corpus, seed %d). Artifacts: %s." % (r.seed, "; ".join(artifacts))
    if r.notes:
        notes += " " + " ".join(r.notes)
    if r.generation == "legacy":
        return {
            "agency": r.agency, "year": r.year, "generation": "legacy", "title": display_form(r.title),
            "sections": [display_form(s.heading) for s in r.sections],
            "values": {}, "raw": {}, "source_inconsistencies": [], "checks": [],
            "notes": notes, "dropped": [],
        }
    values = r.gold_values()
    raw = {}
    for k in r.keys():
        if k in r.dropped:
            continue
        t = r.text[k]
        if not PLAIN_NUMBER.match(t):
            raw[k] = t
    checks = ids.compute_checks(values, r.single_other)
    return {
        "agency": r.agency,
        "year": r.year,
        "generation": r.generation,
        "title": display_form(r.title),
        "sections": [display_form(s.heading) if s.heading is not None else None for s in r.sections],
        "values": values,
        "raw": raw,
        "source_inconsistencies": describe_failures(r, checks, values),
        "checks": checks,
        "notes": notes,
        "dropped": list(r.dropped),
    }


def dumps(gold):
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
