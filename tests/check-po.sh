#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when po/LANG.po is invalid, or when it has untranslated or fuzzy
# entries against the strings the sources have now (not only against the
# strings it already knows).
set -eu
top=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/files"
xgettext --package-name=herald --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --files-from="$tmp/files" -o "$tmp/herald.pot"

msgfmt --check --statistics -o /dev/null "po/$lang.po"
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/herald.pot" -o "$tmp/merged.po"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/$lang.po is not complete; missing:" >&2
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid' | sed 1d >&2 || true
    exit 1 ;;
esac
