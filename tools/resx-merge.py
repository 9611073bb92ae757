#!/usr/bin/env python3
"""Resolves a git merge conflict in resx files: the union of both sides (ours wins on a differing key).
usage: tools/resx-merge.py path/to/X.resx [path/to/X.en.resx ...] (during a conflicted merge)"""
import sys, subprocess, types
resx = types.ModuleType("resx")
src = open('tools/resx.py').read().split("\nif __name__")[0]
exec(compile(src, 'resx', 'exec'), resx.__dict__)
import xml.etree.ElementTree as ET
for path in sys.argv[1:]:
    def entries(stage):
        x = subprocess.run(['git','show',f':{stage}:{path}'],capture_output=True,text=True,check=True).stdout
        r = ET.fromstring(x)
        return {d.get('name'): (d.find('value').text or '') for d in r.findall('data')}
    ours, theirs = entries(2), entries(3)
    for k in ours.keys() & theirs.keys():
        if ours[k] != theirs[k]: print('differs', path, k, ours[k], '|', theirs[k])
    merged = {**theirs, **ours}
    resx.save(path, merged)
    print(path, len(ours), len(theirs), len(merged))
