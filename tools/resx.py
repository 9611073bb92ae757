#!/usr/bin/env python3
"""Add or update strings in a resx pair (neutral = zh-CN, .en = English).

usage: tools/resx.py path/to/Strings.resx KEY "中文" "English" [KEY "中文" "English" ...]
Creates both files when missing. Keeps entries sorted by key so diffs stay small.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get('name'): (d.find('value').text or '') for d in root.findall('data')}

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def save(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(entries[k])}</value></data>\n')
        f.write('</root>\n')

def main():
    if len(sys.argv) < 5 or (len(sys.argv) - 2) % 3:
        print(__doc__); sys.exit(2)
    zh_path = sys.argv[1]
    en_path = zh_path[:-5] + '.en.resx'
    zh, en = load(zh_path), load(en_path)
    args = sys.argv[2:]
    for i in range(0, len(args), 3):
        k, z, e = args[i:i + 3]
        zh[k], en[k] = z, e
    save(zh_path, zh); save(en_path, en)

if __name__ == '__main__':
    main()
