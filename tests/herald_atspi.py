# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for AT-SPI tests of a running herald: start it on a private
store, find it on the desktop, walk its tree and send real key presses.

Keys go through the AT-SPI registry, which synthesises them with XTest:
under Xvfb they arrive at the focused window as real X key events, through
GTK's whole input path (shortcut controllers, accelerators, focus)."""
import gettext
import os
import re
import subprocess
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

import pyatspi  # noqa: E402

# X keycodes of the modifiers in Xvfb's default (evdev) keymap; a modifier
# must be held down by keycode, the key itself is sent by keysym.
KEYCODE_CONTROL = 37
KEYCODE_ALT = 64
KEYCODE_SHIFT = 50

# GTK names an unlabelled widget after its type.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Herald)[A-Za-z]+$")


class Herald:
    """A herald process with the accessibility bridge on."""

    def __init__(self, herald, demo=True, store=None, extra_env=None):
        self.tmp = tempfile.mkdtemp(prefix="herald-atspi-")
        self.store = store or os.path.join(self.tmp, "herald.db")
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.pop("G_DEBUG", None)
        env["GTK_A11Y"] = "atspi"
        if extra_env:
            env.update(extra_env)
        args = [herald, "--store", self.store]
        if demo:
            args.append("--demo")
        self.proc = subprocess.Popen(args, env=env)
        self.app = find_app(self.proc.pid)

    def frames(self):
        """Names of the application's top-level windows."""
        names = []
        if self.app is None:
            return names
        try:
            for i in range(self.app.childCount):
                child = self.app.getChildAtIndex(i)
                if child is not None:
                    names.append(child.name)
        except Exception:
            pass
        return names

    def wait_exit(self, timeout=10):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            if self.wait_exit(10) is None:
                self.proc.kill()
                self.proc.wait()


def find_app(pid, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                continue
        time.sleep(0.3)
    return None


def walk(node, depth=0, seen=None, limit=40):
    """Every node under @node; big lists and tables only their first rows."""
    if seen is None:
        seen = []
    if node is None or depth > 60:
        return seen
    seen.append(node)
    try:
        count = node.childCount
        if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST) and count > limit:
            count = limit
    except Exception:
        return seen
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, depth + 1, seen, limit)
    return seen


def has_name(node):
    name = (node.name or "").strip()
    return bool(name) and not TYPE_NAME.match(name)


def state(node, which):
    try:
        return node.getState().contains(which)
    except Exception:
        return False


def wait_until(predicate, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def key(keysym, *modifiers, settle=0.6):
    """Presses @keysym (an X keysym, e.g. ord(',') or 0xff1b for Escape)
    while holding @modifiers (X keycodes, KEYCODE_CONTROL …)."""
    for m in modifiers:
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    for m in reversed(modifiers):
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.RELEASE)
    time.sleep(settle)


class Tap:
    """Minimal TAP writer."""

    def __init__(self, planned):
        self.n = 0
        self.failed = False
        print("TAP version 13")
        print("1..%d" % planned, flush=True)

    def check(self, ok, description, diagnostics=()):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, description))
        for line in diagnostics:
            print("# " + line)
        if not ok:
            self.failed = True
        return ok

    def skip(self, description, reason):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, description, reason))


BUTTON_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
                pyatspi.ROLE_PUSH_BUTTON_MENU, pyatspi.ROLE_COMBO_BOX,
                pyatspi.ROLE_PAGE_TAB}
# "_Edit": an accessible name that still has its mnemonic
MNEMONIC = re.compile(r"(^|\s)_\w")


def translations(build_root):
    lang = os.environ.get("LANGUAGE", "")
    if not lang:
        return gettext.NullTranslations()
    return gettext.translation("herald", localedir=os.path.join(build_root, "po"),
                               languages=lang.split(":"), fallback=True)


def on_screen(node):
    """GTK 4.8 sets no SHOWING state: a widget on screen has a size (a
    GtkStackPage, which has no extents, does not decide)."""
    try:
        component = node.queryComponent()
    except Exception:
        return True
    try:
        ext = component.getExtents(pyatspi.WINDOW_COORDS)
        return ext.width > 0 and ext.height > 0
    except Exception:
        return False


def shown(node):
    """@node and all its ancestors up to the window are on screen."""
    while node is not None:
        try:
            if node.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_APPLICATION):
                return True
        except Exception:
            return False
        if not on_screen(node):
            return False
        node = node.parent
    return False


def first(node, predicate, depth=0, limit=30):
    """The first node under @node (depth first) for which @predicate holds;
    stops there, unlike walk().  Big lists: their first @limit children."""
    if node is None or depth > 60:
        return None
    try:
        if predicate(node):
            return node
        count = node.childCount
        if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST):
            count = min(count, limit)
    except Exception:
        return None
    for i in range(count):
        try:
            found = first(node.getChildAtIndex(i), predicate, depth + 1, limit)
        except Exception:
            continue
        if found is not None:
            return found
    return None


def focused(app):
    # focus is where the window is active: the main window, or a dialog
    return first(app, lambda n: state(n, pyatspi.STATE_FOCUSED))


def describe(node):
    if node is None:
        return "nothing"
    try:
        return "%s “%s”" % (node.getRoleName(), node.name)
    except Exception:
        return "?"


def path(node):
    parts = []
    p = node.parent
    while p is not None and len(parts) < 4:
        parts.append("%s(%s)" % (p.getRoleName(), p.name))
        p = p.parent
    return " < ".join(parts)


def bad_buttons(nodes, only_shown=True):
    """Buttons and drop-downs (on screen) without a name, or with one that
    reads a mnemonic underscore."""
    bad = []
    for n in nodes:
        try:
            if n.getRole() not in BUTTON_ROLES or (only_shown and not shown(n)):
                continue
            if not has_name(n):
                bad.append("no name: %s in %s" % (describe(n), path(n)))
            elif MNEMONIC.search(n.name):
                bad.append("mnemonic in the name: %s in %s" % (describe(n), path(n)))
        except Exception:
            continue
    return bad
