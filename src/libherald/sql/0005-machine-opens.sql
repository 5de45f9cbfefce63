-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: machine opens per day, apart from the opens.
--
-- open_count counts recipients with at least one human open;
-- machine_open_count those whose only opens were machine opens (Apple Mail
-- Privacy Protection's proxy, security scanners fetching the tracking
-- pixel).  The two are disjoint, and rates never count machine opens.
-- Rows from before this version had no such count: 0.

ALTER TABLE performance ADD COLUMN machine_open_count INTEGER NOT NULL DEFAULT 0;
