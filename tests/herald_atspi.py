# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for AT-SPI tests of a running herald: start it on a private
store, find it on the desktop, walk its tree and send real key presses.

Keys go through the AT-SPI registry, which synthesises them with XTest:
under Xvfb they arrive at the focused window as real X key events, through
GTK's whole input path (shortcut controllers, accelerators, focus)."""
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
