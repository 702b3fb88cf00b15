"""Print how a file is zoned: header segments with their kinds, body and closing (a developer's tool)."""
import sys

from vnadmin_nlp.normalize import normalize
from vnadmin_nlp.readers import read_file
from vnadmin_nlp.zoning import Page, zone
from vnadmin_nlp.zoning.header import classify, split_header_line

raw = read_file(sys.argv[1])
text = normalize(raw.joined()[0]).text
page = Page(text)
layout = zone(page)
for line in page.lines[:30]:
    for seg in split_header_line(page, line):
        print(f"{classify(page, seg):9} {'¶' if seg.blank_before else ' '} {page.t(seg)[:110]!r}")
print("BODY", layout.body, repr(text[layout.body[0]:layout.body[0] + 80]))
if layout.closing:
    c = layout.closing
    print("CLOSING", c.start, c.end, [" ".join(page.t(s) for s in g) for g in c.distribution][:5])
    for b in c.signers:
        print("  signer", [page.t(s) for s in b.segs])
