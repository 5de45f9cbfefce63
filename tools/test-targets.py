#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the build outputs that the tests of the given suites run or
depend on, one per line, relative to the build folder, for ninja:

    ninja -C build-asan $(tools/test-targets.py build-asan unit integration)

Meson 1.0's `meson test` rebuilds every target first; the sanitizer build
needs only these (the app, the GUI tests and the benchmarks are 2/3 of it).
"""

import json
import os
import subprocess
import sys


def introspect(build, what):
    return json.loads(subprocess.check_output(['meson', 'introspect', what, build]))


def main():
    if len(sys.argv) < 3:
        sys.exit(f'usage: {sys.argv[0]} BUILD-DIR SUITE...')
    build = os.path.abspath(sys.argv[1])
    suites = {'herald:' + s for s in sys.argv[2:]}
    targets = {t['id']: t for t in introspect(build, '--targets')}
    outputs = set()
    for test in introspect(build, '--tests'):
        if not suites & set(test['suite']):
            continue
        for dep in test.get('depends', []):
            outputs.update(os.path.relpath(f, build) for f in targets[dep]['filename'])
        for arg in test['cmd']:
            if os.path.isabs(arg) and arg.startswith(build + os.sep):
                outputs.add(os.path.relpath(arg, build))
    if not outputs:
        sys.exit(f'{sys.argv[0]}: no test of {", ".join(sorted(suites))} in {build}')
    print('\n'.join(sorted(outputs)))


if __name__ == '__main__':
    main()
