"""Puts a benchmark script's section, read from standard input, into BENCHMARKS.md under its
heading: the previous figures are replaced, the section's "### Notes" are kept, and a heading
not yet in the file is appended. Run from the repository's root:
    python3 - ... <<'PY' | python3 scripts/lib/benchmarks-section.py "## Fan-out"
"""
import re
import sys

heading = sys.argv[1]
section = sys.stdin.read()
path = "BENCHMARKS.md"
text = open(path).read()
if heading not in text:
    text = text.rstrip("\n") + "\n\n" + heading + "\n"
start = text.index(heading)
following = re.search(r"^## ", text[start + 3:], re.M)
end = start + 3 + following.start() if following else len(text)
old = text[start:end]
notes = "\n" + old[old.index("### Notes"):].rstrip() + "\n" if "### Notes" in old else ""
open(path, "w").write(text[:start] + section + notes + ("\n" if following else "") + text[end:])
