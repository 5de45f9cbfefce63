#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill translations into a .po file from a JSON object.

Keys are msgids ("context\\u0004msgid" for a msgctxt); values are the
translation, or a list of plural forms.  Only untranslated or fuzzy
entries are filled unless --force is given.  Needs python3-polib.

  tools/po-fill.py po/de.po my-strings.json
"""
import json
import sys

import polib


def main():
    force = "--force" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--force"]
    po = polib.pofile(args[0], wrapwidth=0)
    with open(args[1], encoding="utf-8") as f:
        table = json.load(f)
    filled = 0
    for entry in po:
        if entry.obsolete:
            continue
        key = entry.msgid if not entry.msgctxt else entry.msgctxt + "\u0004" + entry.msgid
        if key not in table:
            continue
        if entry.translated() and not force and "fuzzy" not in entry.flags:
            continue
        value = table[key]
        if entry.msgid_plural:
            forms = value if isinstance(value, list) else [value, value]
            entry.msgstr_plural = {i: s for i, s in enumerate(forms)}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    po.save(args[0])
    missing = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    print(f"filled {filled}; still missing {len(missing)}")
    for m in missing:
        print("  missing:", repr(m))


if __name__ == "__main__":
    main()
