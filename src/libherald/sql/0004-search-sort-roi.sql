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
