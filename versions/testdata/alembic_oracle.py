# Records what Alembic (1.8.1, Debian's python3-alembic) answers for revision
# graph queries, for oracle_test.go. Regenerate with
#   python3 gen_oracle.py | PYTHONHASHSEED=0 python3 alembic_oracle.py > alembic_oracle.jsonl
import sys, json, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, "/usr/lib/python3/dist-packages")
from alembic.script.revision import RevisionMap, Revision
from alembic.runtime.migration import HeadMaintainer, RevisionStep, StampStep
from alembic.script.base import ScriptDirectory

def parse(spec):
    revs = []
    for tok in spec.split():
        labels = deps = down = None
        if "#" in tok: tok, l = tok.split("#"); labels = tuple(l.split(","))
        if ">" in tok: tok, d = tok.split(">"); deps = tuple(d.split(","))
        if ":" in tok: tok, d = tok.split(":"); down = tuple(d.split(","))
        r = Revision(tok, down, dependencies=deps, branch_labels=labels)
        import types
        r.module = types.SimpleNamespace(upgrade=lambda: 0, downgrade=lambda: 0)
        revs.append(r)
    return RevisionMap(lambda: revs)

class HM2(HeadMaintainer):
    def __init__(s, heads, log): s.heads = set(heads); s.order = list(heads); s.log = log
    def _insert_version(s, v): assert v not in s.heads; s.heads.add(v); s.order.append(v); pass
    def _delete_version(s, v): s.heads.remove(v); s.order.remove(v); pass
    def _update_version(s, f, t): assert t not in s.heads; s.heads.remove(f); s.heads.add(t); s.order[s.order.index(f)] = t; pass

def run_steps(m, steps, cur):
    log = []
    order = list(cur)
    for st in steps:
        h = HM2(order, log)
        h.update_to_step(st)
        order = h.order
        log.append(",".join(sorted(order)))
    return order, log

def q(case):
    m = parse(case["tree"])
    op = case["op"]; cur = tuple(case.get("current") or ()); tgt = case.get("target")
    if op == "up":
        revs = list(reversed(list(m.iterate_revisions(tgt, cur, implicit_base=True))))
        steps = [RevisionStep(m, r, True) for r in revs]
        heads, log = run_steps(m, steps, cur)
        return {"steps": [r.revision for r in revs], "heads": heads, "trail": log}
    if op == "down":
        revs = list(m.iterate_revisions(cur, tgt, select_for_downgrade=True))
        steps = [RevisionStep(m, r, False) for r in revs]
        heads, log = run_steps(m, steps, cur)
        return {"steps": [r.revision for r in revs], "heads": heads, "trail": log}
    if op == "hist":
        base, head = tgt.split(":") if tgt else ("", "")
        if head == "current": head = cur
        if base == "current": base = cur
        revs = list(m.iterate_revisions(head or "heads", base or "base", inclusive=True, assert_relative_length=False))
        return {"steps": [r.revision for r in revs]}
    if op == "heads":
        m.heads
        return {"steps": list(m.heads), "real": list(m._real_heads), "bases": list(m.bases)}
    if op == "resolve":
        return {"steps": [getattr(r, "revision", r) for r in m.get_revisions(tgt)]}
    if op == "labels":
        return {"labels": {r.revision: sorted(r.branch_labels) for r in m._revision_map.values() if r is not None and not isinstance(r, tuple)}}
    raise Exception("op " + op)

for line in sys.stdin:
    case = json.loads(line)
    try:
        out = q(case)
    except Exception as e:
        out = {"error": type(e).__name__ + ": " + str(e)}
    case["out"] = out
    print(json.dumps(case))
