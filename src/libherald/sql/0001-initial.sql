-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: every entity of the seed plus contacts and segments,
-- the sync bookkeeping of each row, and the outbox.  Column names are the
-- seed's; HeraldStore maps each GObject property to the column of the same
-- name.  local_id is a stable INTEGER PRIMARY KEY (keyset paging, FTS).
-- Enums are stored as their seed strings, times as ISO 8601 UTC with Z,
-- money as integer minor units.

CREATE TABLE segments (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  contact_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contacts (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  locale TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT '',
  attributes TEXT NOT NULL DEFAULT '{}',
  unsubscribed INTEGER NOT NULL DEFAULT 0,
  consent INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE templates (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('email', 'sms', 'push')),
  locale TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  variables TEXT NOT NULL DEFAULT '{}',
  is_active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE campaigns (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('email', 'sms', 'push', 'social')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
  segment_id TEXT REFERENCES segments (id) ON DELETE SET NULL,
  template_id TEXT REFERENCES templates (id) ON DELETE SET NULL,
  scheduled_at TEXT,
  started_at TEXT,
  completed_at TEXT,
  budget INTEGER NOT NULL DEFAULT 0,
  spent INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'EUR',
  target_count INTEGER NOT NULL DEFAULT 0,
  sent_count INTEGER NOT NULL DEFAULT 0,
  delivered_count INTEGER NOT NULL DEFAULT 0,
  open_count INTEGER NOT NULL DEFAULT 0,
  click_count INTEGER NOT NULL DEFAULT 0,
  conversion_count INTEGER NOT NULL DEFAULT 0,
  preheader TEXT NOT NULL DEFAULT '',
  from_name TEXT NOT NULL DEFAULT '',
  from_address TEXT NOT NULL DEFAULT '',
  reply_to TEXT NOT NULL DEFAULT '',
  ab_test_percent INTEGER NOT NULL DEFAULT 0,
  ab_winner_metric TEXT NOT NULL CHECK (ab_winner_metric IN ('open_rate', 'click_rate', 'conversion_rate')),
  ab_wait_hours INTEGER NOT NULL DEFAULT 4,
  ab_auto_send_winner INTEGER NOT NULL DEFAULT 0,
  ab_confidence_level REAL NOT NULL DEFAULT 0.95
);

CREATE TABLE recipients (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
  address TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'bounced', 'failed')),
  sent_at TEXT,
  delivered_at TEXT,
  opened_at TEXT,
  clicked_at TEXT,
  converted_at TEXT,
  open_count INTEGER NOT NULL DEFAULT 0,
  click_count INTEGER NOT NULL DEFAULT 0,
  variant TEXT NOT NULL DEFAULT ''
);

CREATE TABLE events (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  recipient_id TEXT REFERENCES recipients (id) ON DELETE CASCADE,
  event_type TEXT NOT NULL CHECK (event_type IN ('sent', 'delivered', 'opened', 'clicked', 'bounced', 'converted')),
  timestamp TEXT,
  metadata TEXT NOT NULL DEFAULT '{}',
  ip_address TEXT NOT NULL DEFAULT ''
);

CREATE TABLE variants (
  local_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'created' CHECK (sync_state IN ('synced', 'created', 'modified', 'deleted', 'conflict')),
  server_version TEXT,
  base TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  variant_name TEXT NOT NULL DEFAULT 'A',
  subject TEXT NOT NULL DEFAULT '',
  body_template TEXT NOT NULL DEFAULT '',
  sent_count INTEGER NOT NULL DEFAULT 0,
  delivered_count INTEGER NOT NULL DEFAULT 0,
  open_count INTEGER NOT NULL DEFAULT 0,
  click_count INTEGER NOT NULL DEFAULT 0,
  conversion_count INTEGER NOT NULL DEFAULT 0,
  is_winner INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE performance (
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
  roi REAL NOT NULL DEFAULT 0.0
);

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  patch TEXT NOT NULL DEFAULT '{}',
  base_version TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
  last_error TEXT,
  created_at TEXT NOT NULL
);

CREATE INDEX outbox_entity ON outbox (entity_id, seq);

-- Sync cursors and other small settings of the store.
CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT
);

CREATE INDEX campaigns_updated ON campaigns (updated_at, local_id);
CREATE INDEX campaigns_created ON campaigns (created_at, local_id);
CREATE INDEX campaigns_name ON campaigns (name COLLATE NOCASE, local_id);
CREATE INDEX campaigns_status ON campaigns (status, updated_at);
CREATE INDEX campaigns_type ON campaigns (type, updated_at);
CREATE INDEX campaigns_segment ON campaigns (segment_id);
CREATE INDEX campaigns_template ON campaigns (template_id);
CREATE INDEX recipients_campaign ON recipients (campaign_id, local_id);
CREATE INDEX recipients_address ON recipients (campaign_id, address, local_id);
CREATE INDEX recipients_status ON recipients (campaign_id, status, address, local_id);
CREATE INDEX recipients_contact ON recipients (contact_id);
CREATE INDEX events_campaign ON events (campaign_id, timestamp, local_id);
CREATE INDEX events_type ON events (campaign_id, event_type, timestamp, local_id);
CREATE INDEX events_recipient ON events (recipient_id);
CREATE INDEX variants_campaign ON variants (campaign_id, variant_name);
CREATE UNIQUE INDEX performance_campaign_date ON performance (campaign_id, date);
CREATE INDEX performance_date ON performance (date);
CREATE INDEX contacts_email ON contacts (email);
CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE, local_id);
