"""Flat keys of the report model and the identities I1-I4 (stdlib only).

Shared by the corpus generator (to write `checks` into gold files) and by Scripts/evaluate
(to know which cells a check reads). Key names follow /work/shared/spec/report-model.md.
"""

APP_COLUMNS = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_institution",
    "other_organization",
    "total",
]
APPLICANT_COLUMNS = APP_COLUMNS[:6]

DENIED = ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
          "internal_affairs", "process_information", "enforcement_files", "administrative_inquiry"]
UNABLE = ["not_held", "needs_creation", "unclear"]
NOT_PROCESSED = ["complaint", "repeated", "publication", "excessive", "confirmation"]
OTHER_2021 = ["overdue_correction", "overdue_fee", "other"]


def result_rows(single_other):
    rows = ["granted", "partially_granted"]
    rows += ["denied." + r for r in DENIED]
    rows += ["unable." + r for r in UNABLE]
    rows += ["not_processed." + r for r in NOT_PROCESSED]
    rows += ["other.total"] if single_other else ["other." + r for r in OTHER_2021]
    return rows


def app_rows(single_other):
    return ["new_received", "carried_over"] + result_rows(single_other) + ["total_processed", "carried_forward"]


RL_BLOCKS = ["review", "litigation_direct", "litigation_after_review"]
RL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]

AD_KEYS_2021 = [
    "rules.issued", "rules.repealed", "rules.in_force",
    "normative_documents.issued", "normative_documents.repealed", "normative_documents.in_force",
    "licensing.decisions", "penalty.decisions", "coercion.decisions", "fees.amount",
]
AD_KEYS_2019 = [
    "rules.made", "rules.published", "rules.total_published",
    "normative_documents.made", "normative_documents.published", "normative_documents.total_published",
    "licensing.items_prior", "licensing.change", "licensing.decisions",
    "other_services.items_prior", "other_services.change", "other_services.decisions",
    "penalty.items_prior", "penalty.change", "penalty.decisions",
    "coercion.items_prior", "coercion.change", "coercion.decisions",
    "fees.items_prior", "fees.change",
    "procurement.items", "procurement.amount",
]


def all_keys(generation, single_other):
    """Every flat key of a standard report, in document order."""
    ad = AD_KEYS_2021 if generation == "2021" else AD_KEYS_2019
    keys = ["active_disclosure." + k for k in ad]
    for r in app_rows(single_other):
        keys += ["applications.%s.%s" % (r, c) for c in APP_COLUMNS]
    for b in RL_BLOCKS:
        keys += ["review_litigation.%s.%s" % (b, c) for c in RL_COLUMNS]
    return keys


def check_definitions(single_other):
    """[(id, lhs_keys, rhs_keys)] in the order the real gold files use."""
    defs = []
    results = result_rows(single_other)
    for c in APP_COLUMNS:
        a = "applications.%s." + c
        defs.append(("I1." + c, [a % "new_received", a % "carried_over"],
                     [a % "total_processed", a % "carried_forward"]))
        defs.append(("I2." + c, [a % "total_processed"], [a % r for r in results]))
    for r in app_rows(single_other):
        defs.append(("I3." + r, ["applications.%s.total" % r],
                     ["applications.%s.%s" % (r, c) for c in APPLICANT_COLUMNS]))
    for b in RL_BLOCKS:
        defs.append(("I4." + b, ["review_litigation.%s.total" % b],
                     ["review_litigation.%s.%s" % (b, c) for c in RL_COLUMNS[:4]]))
    return defs


def single_other_from_keys(keys):
    return any(k.startswith("applications.other.total.") for k in keys)


def check_keys(check_id, single_other):
    for cid, lhs, rhs in check_definitions(single_other):
        if cid == check_id:
            return lhs + rhs
    return []


def _num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def compute_checks(values, single_other):
    """values: key -> number or None. Returns [{id, status, lhs, rhs}]."""
    out = []
    for cid, lhs_keys, rhs_keys in check_definitions(single_other):
        ins = [values.get(k) for k in lhs_keys + rhs_keys]
        if any(v is None for v in ins):
            out.append({"id": cid, "status": "not_assessable", "lhs": None, "rhs": None})
            continue
        lhs = sum(values[k] for k in lhs_keys)
        rhs = sum(values[k] for k in rhs_keys)
        lhs, rhs = round(lhs, 6), round(rhs, 6)
        status = "pass" if abs(lhs - rhs) < 1e-9 else "fail"
        out.append({"id": cid, "status": status, "lhs": _num(lhs), "rhs": _num(rhs)})
    return out
