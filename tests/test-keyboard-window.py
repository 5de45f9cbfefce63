#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real key presses on the main window of a running herald (AT-SPI + XTest
under Xvfb): Ctrl+1..3 switch the views, Ctrl+, opens Preferences and
Escape closes it, Ctrl+? opens the shortcuts window, F10 the primary menu,
Ctrl+W closes the window (and so ends the application), Ctrl+Q quits;
and every button on screen, the header bar's included, has a name.

  test-keyboard-window.py <path to herald> <build root>

TAP output; needs a D-Bus session and a display (the gui suite)."""
import sys

import pyatspi

from herald_atspi import (KEYCODE_CONTROL, KEYCODE_SHIFT, Herald, Tap,
                          bad_buttons, key, state, translations, wait_until,
                          walk)

ESCAPE = 0xff1b
F10 = 0xffc7


def view_switchers(app):
    return [n for n in walk(app) if n.getRole() == pyatspi.ROLE_PAGE_TAB_LIST
            and n.name == "AdwViewSwitcher"]


def selected_views(switchers):
    """Names of the view switchers' selected tabs (GTK 4.8 sets no SHOWING
    state, so hidden stack pages cannot be told apart by their content)."""
    names = set()
    for switcher in switchers:
        for i in range(switcher.childCount):
            tab = switcher.getChildAtIndex(i)
            if tab is not None and state(tab, pyatspi.STATE_SELECTED):
                names.add(tab.name)
    return names


def main():
    herald, build_root = sys.argv[1], sys.argv[2]
    _ = translations(build_root).gettext
    tap = Tap(11)

    views = [("1", _("Campaigns")), ("2", _("Templates")), ("3", _("Performance"))]
    h = Herald(herald, demo=False)
    try:
        if h.app is None:
            tap.check(False, "herald is on the AT-SPI desktop")
            return 1
        switchers = wait_until(lambda: view_switchers(h.app), 20)
        tap.check(bool(switchers) and selected_views(switchers) == {views[0][1]},
                  "the window opens on %s" % views[0][1])
        bad = bad_buttons(walk(h.app))
        tap.check(not bad, "every button on screen (header bar included) has a name", bad)
        # Start away from the first view so that Ctrl+1 has to work too.
        for digit, title in views[1:] + views[:1]:
            key(ord(digit), KEYCODE_CONTROL)
            shown = wait_until(lambda: selected_views(switchers) == {title}, 5)
            tap.check(bool(shown), "Ctrl+%s shows %s" % (digit, title),
                      ["selected: %s" % selected_views(switchers)])

        # Window titles as the windows set them (the .ui files give context).
        main_only = list(h.frames())
        key(ord(","), KEYCODE_CONTROL)
        opened = wait_until(lambda: [f for f in h.frames() if f not in main_only], 5)
        tap.check(opened == [_("Preferences")], "Ctrl+, opens Preferences",
                  ["windows: %s" % h.frames()])
        key(ESCAPE)
        tap.check(bool(wait_until(lambda: h.frames() == main_only, 5)),
                  "Escape closes Preferences", ["windows: %s" % h.frames()])

        key(ord("?"), KEYCODE_CONTROL, KEYCODE_SHIFT)
        opened = wait_until(lambda: [f for f in h.frames() if f not in main_only], 5)
        tap.check(opened == [_("Keyboard Shortcuts")], "Ctrl+? opens the shortcuts window, titled",
                  ["windows: %s" % h.frames()])
        key(ESCAPE)
        wait_until(lambda: h.frames() == main_only, 5)

        key(F10)
        # GTK builds the popover on first use: its items appear then.
        wanted = _("_Keyboard Shortcuts").replace("_", "")
        menu = wait_until(lambda: [n.name for n in walk(h.app)
                                   if n.getRole() == pyatspi.ROLE_MENU_ITEM], 5)
        tap.check(wanted in (menu or []), "F10 opens the primary menu",
                  ["menu items: %s" % menu])
        key(ESCAPE)

        key(ord("w"), KEYCODE_CONTROL)
        tap.check(h.wait_exit(10) == 0, "Ctrl+W closes the last window and herald ends")
    finally:
        h.stop()

    h = Herald(herald, demo=False)
    try:
        if h.app is None:
            tap.check(False, "Ctrl+Q quits (herald restarted)")
        else:
            wait_until(lambda: view_switchers(h.app), 20)
            key(ord("q"), KEYCODE_CONTROL)
            tap.check(h.wait_exit(10) == 0, "Ctrl+Q quits")
    finally:
        h.stop()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
