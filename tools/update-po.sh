#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates po/herald.pot from POTFILES.in and merges it into every
# catalogue in po/LINGUAS, so that translators see the current strings.
set -eu
cd "$(dirname "$0")/.."
grep -v '^#' po/POTFILES.in | sed '/^$/d' > po/.files
xgettext --package-name=herald --msgid-bugs-address=https://github.com/herald/herald/issues \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --files-from=po/.files -o po/herald.pot
rm -f po/.files
for lang in $(grep -v "^#" po/LINGUAS); do
  if [ -f "po/$lang.po" ]; then
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$lang.po" po/herald.pot
  else
    msginit --no-translator --locale="$lang" --input=po/herald.pot --output-file="po/$lang.po"
  fi
done
