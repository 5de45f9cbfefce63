#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that check-potfiles.sh fails, naming the file, for each way a
# translatable string can be written, and passes once the file is listed.
set -eu
checker=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

try () {
  name=$1 content=$2
  rm -rf "$tmp/tree" && mkdir -p "$tmp/tree/src" "$tmp/tree/data" "$tmp/tree/po"
  printf '%s\n' "$content" > "$tmp/tree/src/$name"
  : > "$tmp/tree/po/POTFILES.in"
  if out=$("$checker" "$tmp/tree" 2>&1); then
    echo "not caught: src/$name with $content" >&2
    status=1
  elif ! printf '%s' "$out" | grep -qF "src/$name"; then
    echo "the message does not name src/$name: $out" >&2
    status=1
  fi
  echo "src/$name" > "$tmp/tree/po/POTFILES.in"
  if ! "$checker" "$tmp/tree" > /dev/null 2>&1; then
    echo "listed but still refused: src/$name" >&2
    status=1
  fi
}

try a.c 'label = _("Save");'
try b.c 'static const char *names[] = { N_("Draft") };'
try c.c 'title = C_("shortcut window", "Quit");'
try d.c 'text = ngettext ("%d day", "%d days", n);'
try e.h '#define HINT _("A hint")'
try f.ui '<property name="label" translatable="yes">Open</property>'

# A file without translatable strings needs no entry.
rm -rf "$tmp/tree" && mkdir -p "$tmp/tree/src" "$tmp/tree/data" "$tmp/tree/po"
echo 'int answer = 42; /* no strings here */' > "$tmp/tree/src/plain.c"
: > "$tmp/tree/po/POTFILES.in"
"$checker" "$tmp/tree" > /dev/null 2>&1 || { echo "a file without strings was refused" >&2; status=1; }

# A listed file that does not exist is an error too.
echo 'src/gone.c' > "$tmp/tree/po/POTFILES.in"
if "$checker" "$tmp/tree" > /dev/null 2>&1; then
  echo "a missing listed file was not caught" >&2
  status=1
fi

[ $status -eq 0 ] && echo "check-potfiles.sh catches every case"
exit $status
