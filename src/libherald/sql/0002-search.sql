-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: full-text search (FTS5) over campaign and template
-- names and content.  External-content tables keyed by the stable local_id,
-- kept current by triggers; prefix indexes make search-as-you-type cheap.

CREATE VIRTUAL TABLE campaigns_fts USING fts5 (
  name, description, preheader, from_name,
  content = 'campaigns', content_rowid = 'local_id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER campaigns_fts_insert AFTER INSERT ON campaigns BEGIN
  INSERT INTO campaigns_fts (rowid, name, description, preheader, from_name)
  VALUES (new.local_id, new.name, new.description, new.preheader, new.from_name);
END;

CREATE TRIGGER campaigns_fts_delete AFTER DELETE ON campaigns BEGIN
  INSERT INTO campaigns_fts (campaigns_fts, rowid, name, description, preheader, from_name)
  VALUES ('delete', old.local_id, old.name, old.description, old.preheader, old.from_name);
END;

CREATE TRIGGER campaigns_fts_update AFTER UPDATE OF name, description, preheader, from_name ON campaigns BEGIN
  INSERT INTO campaigns_fts (campaigns_fts, rowid, name, description, preheader, from_name)
  VALUES ('delete', old.local_id, old.name, old.description, old.preheader, old.from_name);
  INSERT INTO campaigns_fts (rowid, name, description, preheader, from_name)
  VALUES (new.local_id, new.name, new.description, new.preheader, new.from_name);
END;

CREATE VIRTUAL TABLE templates_fts USING fts5 (
  name, description, subject, body_text, body_html,
  content = 'templates', content_rowid = 'local_id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER templates_fts_insert AFTER INSERT ON templates BEGIN
  INSERT INTO templates_fts (rowid, name, description, subject, body_text, body_html)
  VALUES (new.local_id, new.name, new.description, new.subject, new.body_text, new.body_html);
END;

CREATE TRIGGER templates_fts_delete AFTER DELETE ON templates BEGIN
  INSERT INTO templates_fts (templates_fts, rowid, name, description, subject, body_text, body_html)
  VALUES ('delete', old.local_id, old.name, old.description, old.subject, old.body_text, old.body_html);
END;

CREATE TRIGGER templates_fts_update AFTER UPDATE OF name, description, subject, body_text, body_html ON templates BEGIN
  INSERT INTO templates_fts (templates_fts, rowid, name, description, subject, body_text, body_html)
  VALUES ('delete', old.local_id, old.name, old.description, old.subject, old.body_text, old.body_html);
  INSERT INTO templates_fts (rowid, name, description, subject, body_text, body_html)
  VALUES (new.local_id, new.name, new.description, new.subject, new.body_text, new.body_html);
END;

-- Rows written under version 1 become searchable.
INSERT INTO campaigns_fts (campaigns_fts) VALUES ('rebuild');
INSERT INTO templates_fts (templates_fts) VALUES ('rebuild');
