#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""AT-SPI test of the Campaigns view with real key presses: starts herald on
a demo store with the accessibility bridge on and drives it from the
keyboard only (XTest through the AT-SPI registry, so the keys go through
GTK's whole input path under Xvfb):

- the list exposes its rows with their content (name, type, status);
- every push, toggle and menu button and every drop-down of the list has a
  name, and none reads a mnemonic underscore;
- Ctrl+F from the header bar focuses the search; Tab goes search → status
  filter → type filter → New Campaign → the list;
- typing searches, Escape clears the search and returns to the list;
- Enter opens the focused campaign: the detail page shows that campaign,
  its buttons (all kinds) are named; Alt+Left and Escape go back;
- Delete on a draft asks (Escape answers no), on a running campaign it
  does not ask and says why.

  test-a11y-campaigns.py <path to herald> <build root>

TAP output; needs a D-Bus session (the a11y bus is started through it) and
a display (Xvfb in the gui suite)."""
import sys

import pyatspi
from gi.repository import Atspi

from herald_atspi import (BUTTON_ROLES, KEYCODE_ALT, KEYCODE_CONTROL, Herald,
                          Tap, bad_buttons, describe, first, focused, key,
                          shown, translations, wait_until, walk)

TAB = 0xff09
RETURN = 0xff0d
ESCAPE = 0xff1b
DELETE = 0xffff
DOWN = 0xff54
LEFT = 0xff51

def find(app, role, name=None, root=None):
    return first(root or app, lambda n: n.getRole() == role and (name is None or n.name == name))


def campaign_table(app):
    return first(app, lambda n: n.getRole() == pyatspi.ROLE_TREE_TABLE and shown(n))


def rows(table):
    """The list's rows (the first row of the table holds the titles)."""
    if table is None:
        return []
    for i in range(table.childCount):
        child = table.getChildAtIndex(i)
        if child is not None and child.getRole() == pyatspi.ROLE_LIST:
            return [child.getChildAtIndex(j) for j in range(child.childCount)]
    return []


def row_content(row):
    """(texts of the row's labels, the status badge's name)."""
    texts, status = [], None
    for n in walk(row):
        try:
            if n.getRole() == pyatspi.ROLE_LABEL and n.name:
                texts.append(n.name)
            elif n.getRole() == pyatspi.ROLE_STATUS_BAR:
                status = n.name
        except Exception:
            continue
    return texts, status


def focused_row(app):
    n = focused(app)
    while n is not None and n.getRole() != pyatspi.ROLE_TABLE_ROW:
        n = n.parent
    return n


def main():
    herald, build_root = sys.argv[1], sys.argv[2]
    tr = translations(build_root)
    _ = tr.gettext

    def status(name):
        return tr.pgettext("campaign status", name)

    def button(label):
        """A button's name: its label without the mnemonic."""
        return _(label).replace("_", "")

    statuses = {status(s) for s in ("Draft", "Scheduled", "Running", "Paused", "Completed", "Cancelled")}
    tap = Tap(14)

    h = Herald(herald, demo=True)
    try:
        if not tap.check(h.app is not None, "herald is on the AT-SPI desktop"):
            return 1

        wait_until(lambda: len(rows(campaign_table(h.app))) == 12, 20)
        table = campaign_table(h.app)
        list_rows = rows(table)
        contents = [row_content(r) for r in list_rows]
        tap.check(table is not None and len(list_rows) == 12
                  and all(texts and texts[0].strip() and status in statuses and status in texts
                          for texts, status in contents),
                  "the list exposes its 12 rows with their content (name, type, status)",
                  ["row: %s / %s" % (texts, status) for texts, status in contents[:3]])

        # the list as shown, and the whole view with its hidden pages (the
        # detail page, its sections, the empty states)
        view = find(h.app, pyatspi.ROLE_FILLER, "HeraldCampaignsView")
        everything = walk(view, limit=60) if view else []
        bad = bad_buttons(everything) + bad_buttons(everything, only_shown=False) if view else ["no view"]
        tap.check(not bad, "every button and drop-down of the view has a name (%d of them)"
                  % len([n for n in everything if n.getRole() in BUTTON_ROLES]), bad)

        # Ctrl+F from wherever the focus is: the window starts on the view
        # switcher in the header bar.
        start = describe(focused(h.app))
        key(ord("f"), KEYCODE_CONTROL)
        search = focused(h.app)
        tap.check(search is not None and search.getRole() == pyatspi.ROLE_ENTRY
                  and search.name == _("Search campaigns"),
                  "Ctrl+F focuses the search", ["focus was on %s, is on %s" % (start, describe(search))])

        order = [describe(search)]
        for _i in range(4):
            key(TAB)
            order.append(describe(focused(h.app)))
        wanted = [describe(search), "push button “%s”" % _("Status"), "push button “%s”" % _("Type"),
                  "push button “%s”" % _("New Campaign")]
        tap.check(order[:4] == wanted and focused_row(h.app) is not None,
                  "Tab goes search → status → type → New Campaign → the list", ["order: %s" % order])

        # Typing in the search filters the list, Escape brings it all back.
        key(ord("f"), KEYCODE_CONTROL)
        Atspi.generate_keyboard_event(0, "sommer", Atspi.KeySynthType.STRING)
        filtered = wait_until(lambda: 0 < len(rows(campaign_table(h.app))) < 12, 5)
        names = [row_content(r)[0][0] for r in rows(campaign_table(h.app)) if row_content(r)[0]]
        tap.check(bool(filtered) and all("sommer" in n.lower() for n in names),
                  "typing “sommer” in the search shows only the matching campaigns", ["rows: %s" % names])
        key(ESCAPE)
        back = wait_until(lambda: len(rows(campaign_table(h.app))) == 12, 5)
        tap.check(bool(back) and focused_row(h.app) is not None,
                  "Escape clears the search and returns to the list",
                  ["%d rows, focus on %s" % (len(rows(campaign_table(h.app))), describe(focused(h.app)))])

        # Enter opens the focused campaign.  (Hidden pages keep their last
        # extents in GTK 4.8: the focus says which page is shown.)
        back_label = "push button “%s”" % _("Back to Campaigns")
        key(DOWN)
        row = focused_row(h.app)
        name = row_content(row)[0][0] if row else None
        key(RETURN)
        wait_until(lambda: describe(focused(h.app)) == back_label, 5)
        detail = find(h.app, pyatspi.ROLE_FILLER, "HeraldCampaignDetail")
        title = [n.name for n in walk(detail) if n.getRole() == pyatspi.ROLE_LABEL and shown(n)][:1] if detail else []
        tap.check(describe(focused(h.app)) == back_label and title == [name],
                  "Enter opens the focused campaign’s page, focus on Back",
                  ["row “%s”, page title %s, focus on %s" % (name, title, describe(focused(h.app)))])

        # The page as shown, then its Activity section (reached with Tab
        # to the section switcher, Right and Space): buttons of every kind.
        nodes = [n for n in walk(detail, limit=60) if shown(n)] if detail else []
        lifecycle = {button(s) for s in ("_Edit", "S_tart", "Duplicate", "Delete…", "Send Test…")}
        present = {n.name for n in nodes if n.getRole() == pyatspi.ROLE_PUSH_BUTTON}
        for _i in range(20):
            if focused(h.app) is not None and focused(h.app).getRole() == pyatspi.ROLE_PAGE_TAB:
                break
            key(TAB, settle=0.3)
        for _i in range(6):
            if describe(focused(h.app)) == "page tab “%s”" % _("Activity"):
                break
            key(0xff53, settle=0.3)  # Right
        key(ord(" "))
        nodes += [n for n in walk(detail, limit=60) if shown(n) and n not in nodes] if detail else []
        kinds = {n.getRole() for n in nodes if n.getRole() in BUTTON_ROLES and shown(n)}
        bad = bad_buttons(nodes)
        ok = (not bad and lifecycle <= present
              and {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_COMBO_BOX} <= kinds)
        tap.check(ok, "every button of the open page has a name: push buttons, section tabs, the Activity drop-downs",
                  [] if ok else bad + ["missing: %s" % sorted(lifecycle - present),
                                       "kinds: %s" % sorted({n.getRoleName() for n in nodes if n.getRole() in kinds}),
                                       "focus on %s" % describe(focused(h.app))])

        key(LEFT, KEYCODE_ALT)
        tap.check(bool(wait_until(lambda: focused_row(h.app), 5)),
                  "Alt+Left goes back to the list, focus in the list",
                  ["focus on %s" % describe(focused(h.app))])
        key(RETURN)
        opened = wait_until(lambda: describe(focused(h.app)) == back_label, 5)
        key(ESCAPE)
        tap.check(bool(opened) and bool(wait_until(lambda: focused_row(h.app), 5)),
                  "Enter opens it again, Escape goes back", ["focus on %s" % describe(focused(h.app))])

        # Delete: a draft is asked about (Escape says no), a running
        # campaign is not deleted at all and the toast says why.
        def go_to(status):
            for _i in range(14):
                r = focused_row(h.app)
                if r is not None and row_content(r)[1] == status:
                    return r
                key(DOWN, settle=0.3)
            return None

        frames = h.frames()
        draft = go_to(status("Draft"))
        draft_name = row_content(draft)[0][0] if draft else None
        key(DELETE)
        asked = wait_until(lambda: len(h.frames()) > len(frames), 5)
        heading = _("Delete “%s”?") % draft_name
        texts = [n.name for n in walk(h.app) if n.getRole() == pyatspi.ROLE_LABEL]
        tap.check(draft is not None and bool(asked) and heading in texts,
                  "Delete on a draft asks “%s”" % heading, ["windows: %s" % h.frames()])
        key(ESCAPE)
        tap.check(bool(wait_until(lambda: h.frames() == frames, 5))
                  and len(rows(campaign_table(h.app))) == 12,
                  "Escape answers no: the dialog closes, nothing is deleted",
                  ["windows: %s" % h.frames()])

        running = go_to(status("Running"))
        key(DELETE)
        why = _("Cancel the campaign before deleting it: it is still sending")
        told = wait_until(lambda: why in [n.name for n in walk(h.app) if n.getRole() == pyatspi.ROLE_LABEL], 5)
        tap.check(running is not None and h.frames() == frames and bool(told)
                  and len(rows(campaign_table(h.app))) == 12,
                  "Delete on a running campaign does not ask and says why",
                  ["windows: %s" % h.frames()])
    finally:
        h.stop()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
