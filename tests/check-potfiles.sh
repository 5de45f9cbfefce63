#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is not in POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -eu
top=${1:-.}
cd "$top"

status=0
files=$(find src data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml' \) | LC_ALL=C sort)
for f in $files; do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|g_dpgettext|g_dpgettext2) *\(|translatable="yes"' "$f"; then
    if ! grep -qxF "$f" po/POTFILES.in; then
      echo "not in po/POTFILES.in: $f" >&2
      status=1
    fi
  fi
done
# Desktop and metainfo files are translated as a whole.
for f in $(grep -v '^#' po/POTFILES.in | sed '/^$/d'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in is complete"
exit $status
