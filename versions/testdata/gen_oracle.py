import json, sys
sys.path.insert(0, "/usr/lib/python3/dist-packages")
exec(open(__file__.replace("gen_oracle.py", "alembic_oracle.py")).read().split("for line in sys.stdin")[0])
trees = [
 "a b:a c:b d:c",
 "a b1:a b2:a c:b1,b2 d:c",
 "a b1:a b2:a c1:b1 d11:c1 d12:c1",
 "a b1:a b2:a cb1:b1 cb2:b2 d1cb1:cb1 d2cb1:cb1 d1cb2:cb2 d2cb2:cb2 d3cb2:cb2 d1d2cb2:d1cb2,d2cb2",
 "a1 a2:a1 a3:a2 b1:a3 b2:a3 cb1:b1 cb2:b2 db1:cb1 db2:cb2 e1b1:db1 fe1b1:e1b1 e2b1:db1 e2b2:db2 merge:e2b1,e2b2",
 "a#abranch b:a somelongername:b c:somelongername d e:d#ebranch someothername:e f:someothername",
 "a1#abranch a2:a1 a3:a2 b1#bbranch b2:b1>a2 b3:b2",
 "a b:a c:a d:a bc:b,c bcd:bc,d e:bcd",
 "a b:a x y:x m:b,y n:m",
 "a b:a c:b x>a y:x>b z:y>a",
 "a b:a c1:b#lab d1:c1 c2:b d2:c2",
 "a#alpha b:a x y:x>alpha",
 "base1 base2 base3 m:base1,base2,base3",
]
def revs_of(tree): return [t.split(":")[0].split(">")[0].split("#")[0] for t in tree.split()]
def labels_of(tree):
    out=[]
    for t in tree.split():
        if "#" in t: out += t.split("#")[1].split(",")
    return out
cases=[]
for tree in trees:
    rs = revs_of(tree); ls = labels_of(tree)
    m = parse(tree); m.heads
    heads = list(m.heads); real = list(m._real_heads)
    cases.append(dict(tree=tree, op="heads"))
    for rng in ["", "base:heads", ":heads", "-2:", "-1:current", ":current", "current:"] + [r+":" for r in rs[:4]] + [":"+r for r in rs[-3:]] + [l+"@base:" for l in ls]:
        cases.append(dict(tree=tree, op="hist", target=rng, current=[rs[-1]]))
    starts = [[]] + [[r] for r in rs] + ([real] if len(real) > 1 else [])
    ups = ["heads", "head", "+1", "+2", "+3"] + rs + [r+"+1" for r in rs[:3]] + [l+"@head" for l in ls] + [l+"@+1" for l in ls] + ["head-1"]
    for cur in starts:
        for tgt in ups:
            cases.append(dict(tree=tree, op="up", current=cur, target=tgt))
    downs = ["base", "-1", "-2"] + rs + [l+"@base" for l in ls] + [l+"@-1" for l in ls] + [rs[-1]+"-1"]
    for cur in [[r] for r in rs] + [real]:
        for tgt in downs:
            cases.append(dict(tree=tree, op="down", current=cur, target=tgt))
    for tgt in ["heads", "head", "base", "-1"] + [r[:2] for r in rs] + [r[:4] for r in rs] + [l+"@head" for l in ls] + [l+"@"+rs[0] for l in ls]:
        cases.append(dict(tree=tree, op="resolve", target=tgt))
for c in cases: print(json.dumps(c))
