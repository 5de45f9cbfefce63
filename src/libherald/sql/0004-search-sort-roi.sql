-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4.
--
-- Template search covers the preheader (added in version 3): the FTS table
-- gets the column, its triggers follow, and existing rows are indexed again.

DROP TRIGGER templates_fts_insert;
DROP TRIGGER templates_fts_delete;
DROP TRIGGER templates_fts_update;
DROP TABLE templates_fts;

CREATE VIRTUAL TABLE templates_fts USING fts5 (
  name, description, subject, preheader, body_text, body_html,
  content = 'templates', content_rowid = 'local_id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER templates_fts_insert AFTER INSERT ON templates BEGIN
  INSERT INTO templates_fts (rowid, name, description, subject, preheader, body_text, body_html)
  VALUES (new.local_id, new.name, new.description, new.subject, new.preheader, new.body_text, new.body_html);
END;

CREATE TRIGGER templates_fts_delete AFTER DELETE ON templates BEGIN
  INSERT INTO templates_fts (templates_fts, rowid, name, description, subject, preheader, body_text, body_html)
  VALUES ('delete', old.local_id, old.name, old.description, old.subject, old.preheader, old.body_text, old.body_html);
END;

CREATE TRIGGER templates_fts_update AFTER UPDATE OF name, description, subject, preheader, body_text, body_html ON templates BEGIN
  INSERT INTO templates_fts (templates_fts, rowid, name, description, subject, preheader, body_text, body_html)
  VALUES ('delete', old.local_id, old.name, old.description, old.subject, old.preheader, old.body_text, old.body_html);
  INSERT INTO templates_fts (rowid, name, description, subject, preheader, body_text, body_html)
  VALUES (new.local_id, new.name, new.description, new.subject, new.preheader, new.body_text, new.body_html);
END;

INSERT INTO templates_fts (templates_fts) VALUES ('rebuild');

-- Every sort key of the campaign list has an index on exactly the
-- expression herald_store_campaign_sort_sql() orders by, so that a page is
-- read from the index instead of sorting every row.  (Updated, created and
-- name have theirs since version 1; a trailing local_id, the tie-breaker,
-- is implied by the rowid every index entry ends with.)  A key that can
-- have no value has two expressions, one per direction, so that "no value"
-- sorts last either way.

CREATE INDEX campaigns_sort_type ON campaigns (
  (CASE type WHEN 'email' THEN 0 WHEN 'sms' THEN 1 WHEN 'push' THEN 2 ELSE 3 END));
CREATE INDEX campaigns_sort_status ON campaigns (
  (CASE status WHEN 'draft' THEN 0 WHEN 'scheduled' THEN 1 WHEN 'running' THEN 2
               WHEN 'paused' THEN 3 WHEN 'completed' THEN 4 ELSE 5 END));
-- the Schedule column: when the campaign started, else when it is to start
CREATE INDEX campaigns_sort_schedule_asc ON campaigns (coalesce(started_at, scheduled_at, '~'));
CREATE INDEX campaigns_sort_schedule_desc ON campaigns (coalesce(started_at, scheduled_at, ''));
CREATE INDEX campaigns_sort_started_asc ON campaigns (coalesce(started_at, '~'));
CREATE INDEX campaigns_sort_started_desc ON campaigns (coalesce(started_at, ''));
CREATE INDEX campaigns_sort_target ON campaigns (target_count);
CREATE INDEX campaigns_sort_sent ON campaigns (sent_count);
-- an SMS has no open rate (it cannot report that it was read)
CREATE INDEX campaigns_sort_open_rate_asc ON campaigns (
  (CASE WHEN type = 'sms' OR delivered_count <= 0 THEN 1e308 ELSE open_count * 1.0 / delivered_count END));
CREATE INDEX campaigns_sort_open_rate_desc ON campaigns (
  (CASE WHEN type = 'sms' OR delivered_count <= 0 THEN -1e308 ELSE open_count * 1.0 / delivered_count END));
CREATE INDEX campaigns_sort_click_rate_asc ON campaigns (
  (CASE WHEN delivered_count <= 0 THEN 1e308 ELSE click_count * 1.0 / delivered_count END));
CREATE INDEX campaigns_sort_click_rate_desc ON campaigns (
  (CASE WHEN delivered_count <= 0 THEN -1e308 ELSE click_count * 1.0 / delivered_count END));
CREATE INDEX campaigns_sort_budget ON campaigns (budget);
CREATE INDEX campaigns_sort_spent ON campaigns (spent);

-- A day on which nothing was spent has no ROI ("—"), not 0: roi becomes
-- nullable without a default.  SQLite cannot change a column's
-- constraints, so the table is rebuilt (nothing refers to it); days that
-- spent nothing lose the 0.0 they were given.
CREATE TABLE performance_v4 (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  date TEXT NOT NULL DEFAULT '',
  sent_count INTEGER NOT NULL DEFAULT 0,
  delivered_count INTEGER NOT NULL DEFAULT 0,
  open_count INTEGER NOT NULL DEFAULT 0,
  click_count INTEGER NOT NULL DEFAULT 0,
  conversion_count INTEGER NOT NULL DEFAULT 0,
  bounce_count INTEGER NOT NULL DEFAULT 0,
  unsubscribe_count INTEGER NOT NULL DEFAULT 0,
  open_rate REAL NOT NULL DEFAULT -1.0,
  click_rate REAL NOT NULL DEFAULT -1.0,
  conversion_rate REAL NOT NULL DEFAULT -1.0,
  revenue INTEGER NOT NULL DEFAULT 0,
  spent INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'EUR',
  roi REAL  -- NULL: nothing spent
);

INSERT INTO performance_v4
SELECT local_id, id, created_at, updated_at, version, sync_state, server_version, base,
       campaign_id, date, sent_count, delivered_count, open_count, click_count,
       conversion_count, bounce_count, unsubscribe_count, open_rate, click_rate,
       conversion_rate, revenue, spent, currency,
       CASE WHEN spent > 0 THEN roi END
FROM performance;

DROP TABLE performance;
ALTER TABLE performance_v4 RENAME TO performance;
CREATE UNIQUE INDEX performance_campaign_date ON performance (campaign_id, date);
CREATE INDEX performance_date ON performance (date);
