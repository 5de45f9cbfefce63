#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print the totals of meson test logs (testlog JSON lines).

The last line is exactly `N passed, N failed` (what CI reads); skipped
subtests are reported on the line before it.  A TAP test counts each of
its subtests; any other test counts once.  A program that fails after its
last subtest (a crash, a leak report, a bad exit status) counts one more
failure.  Exits non-zero when anything failed or when no test ran.
"""
import json
import re
import sys

TAP = re.compile(r"^(not ok|ok)\b(.*)$")


def count(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            result = rec.get("result")
            subs = [TAP.match(l) for l in (rec.get("stdout") or "").splitlines()]
            subs = [m for m in subs if m]
            if subs:
                failed_here = 0
                for m in subs:
                    if "# SKIP" in m.group(2):
                        skipped += 1
                    elif m.group(1) == "ok":
                        passed += 1
                    else:
                        failed_here += 1
                # A crash after the last subtest still fails the program.
                if result not in ("OK", "SKIP", "EXPECTEDFAIL") and failed_here == 0:
                    failed_here = 1
                failed += failed_here
            elif result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
    return passed, failed, skipped


def main():
    p = f = s = 0
    for path in sys.argv[1:]:
        try:
            a, b, c = count(path)
        except FileNotFoundError:
            print(f"missing test log: {path}", file=sys.stderr)
            f += 1
            continue
        p, f, s = p + a, f + b, s + c
    if s:
        print(f"({s} skipped)")
    print(f"{p} passed, {f} failed")
    sys.exit(1 if f or p == 0 else 0)


if __name__ == "__main__":
    main()
