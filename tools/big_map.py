#!/usr/bin/env python3
"""Writes a large Freeplane map for start-up measurements: the root of MAP with its subtree
copied N times under it (ids made unique), e.g. the Sociaal Kompas x100 = 53 201 nodes.

usage: big_map.py MAP.mm N OUT.mm
"""
import copy
import sys
import xml.etree.ElementTree as ET

src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tree = ET.parse(src)
root = tree.getroot().find("node")
children = [c for c in root if c.tag == "node"]
for c in children:
    root.remove(c)
for i in range(n):
    for c in children:
        c2 = copy.deepcopy(c)
        for el in c2.iter():
            if "ID" in el.attrib:
                el.set("ID", f"{el.get('ID')}_{i}")
            if el.tag == "arrowlink":
                el.set("DESTINATION", f"{el.get('DESTINATION')}_{i}")
            if el.tag == "attribute" and el.get("NAME") == "kompas-id":
                el.set("VALUE", f"{el.get('VALUE')}-{i}")
        root.append(c2)
tree.write(out, encoding="UTF-8", xml_declaration=False)
print(sum(1 for _ in tree.getroot().iter("node")), "knopen")
