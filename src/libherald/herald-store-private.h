/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-store-private.h: what the list models and the tests need of the
 * store beyond its public API. */
#pragma once

#include <sqlite3.h>

#include "herald-store.h"

G_BEGIN_DECLS

/* Opens @path migrating no further than @max_version (tests of the
 * migrations use it to make files of earlier versions). */
HeraldStore  *herald_store_open_at_version      (const char    *path,
                                                 int            max_version,
                                                 GError       **error);

/* The connection that takes edits, for tests of its settings only. */
gpointer      herald_store_get_write_handle     (HeraldStore   *self);

/* "local_id, id, created_at, ..." for @type, in the order
 * herald_store_record_from_row() reads them. */
const char   *herald_store_get_columns          (GType          type);
HeraldRecord *herald_store_record_from_row      (GType          type,
                                                 sqlite3_stmt  *stmt,
                                                 int            first_column);
gint64        herald_store_record_get_local_id  (HeraldRecord  *record);
void          herald_store_record_set_local_id  (HeraldRecord  *record,
                                                 gint64         local_id);
int           herald_store_bind_record          (sqlite3_stmt  *stmt,
                                                 int            first_index,
                                                 HeraldRecord  *record);
/* A prepared statement of the read connection, reset and unbound; owned by
 * the store's cache. */
sqlite3_stmt *herald_store_prepare_read         (HeraldStore   *self,
                                                 const char    *sql,
                                                 GError       **error);
gboolean      herald_store_set_sqlite_error     (sqlite3       *db,
                                                 int            rc,
                                                 GError       **error);
/* How many recipients campaign ?1 has, from the counts the triggers keep
 * (schema 7): at most five rows read, no COUNT.  Append " AND status = ?"
 * for one status. */
#define HERALD_STORE_RECIPIENT_COUNT_SQL \
  "SELECT coalesce(sum(n), 0) FROM recipient_counts WHERE campaign_id = ?1"

char         *herald_store_fts_query            (const char    *text);
char         *herald_store_fts_condition_sql    (const char    *table);
const char   *herald_store_campaign_sort_sql    (HeraldCampaignSort sort,
                                                 gboolean       descending);
char         *herald_store_campaign_where_sql   (HeraldCampaignQuery *query);
char         *herald_store_campaign_count_sql   (HeraldCampaignQuery *query);
int           herald_store_bind_campaign_query  (sqlite3_stmt  *stmt,
                                                 int            first_index,
                                                 HeraldCampaignQuery *query);

G_END_DECLS
