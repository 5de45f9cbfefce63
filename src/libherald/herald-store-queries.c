/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-store-queries.c: the read side of HeraldStore: lookups, filtered
 * and keyset-paged lists, full-text search, aggregates and the outbox. */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "herald-enum-types.h"
#include "herald-metrics.h"
#include "herald-store.h"
#include "herald-store-private.h"
#include "herald-util.h"

static sqlite3 *
read_db (HeraldStore *self)
{
  return herald_store_get_read_handle (self);
}

/* Runs a prepared statement and turns every row into a record. */
static GPtrArray *
collect (HeraldStore   *self,
         sqlite3_stmt  *stmt,
         GType          type,
         GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, herald_store_record_from_row (type, stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (read_db (self), rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static gint64
step_count (HeraldStore   *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  gint64 n = -1;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    herald_store_set_sqlite_error (read_db (self), rc, error);
  sqlite3_reset (stmt);
  return n;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *dt)
{
  char *iso = herald_datetime_to_iso8601 (dt);

  if (iso != NULL)
    sqlite3_bind_text (stmt, index, iso, -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * herald_store_load:
 * @self: a store
 * @type: a #HeraldRecord subclass
 * @id: the record's UUID
 * @error: return location for an error (%HERALD_STORE_ERROR_NOT_FOUND)
 *
 * Returns: (transfer full) (nullable): the record
 */
HeraldRecord *
herald_store_load (HeraldStore  *self,
                   GType         type,
                   const char   *id,
                   GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HERALD_TYPE_RECORD), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", herald_store_get_columns (type),
                         HERALD_RECORD_CLASS (klass)->table_name);
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rows = collect (self, stmt, type, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                   _("No record with the id “%s”."), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

#define DEFINE_GETTER(Type, name, TYPE)                                   \
  Type *                                                                  \
  herald_store_get_##name (HeraldStore  *self,                            \
                           const char   *id,                              \
                           GError      **error)                           \
  {                                                                       \
    return (Type *) herald_store_load (self, TYPE, id, error);            \
  }

/**
 * herald_store_get_campaign: (skip)
 * @self: a store
 * @id: a UUID
 * @error: return location for an error
 *
 * Typed herald_store_load(); so are the other herald_store_get_*().
 *
 * Returns: (transfer full) (nullable): the campaign
 */
DEFINE_GETTER (HeraldCampaign, campaign, HERALD_TYPE_CAMPAIGN)
DEFINE_GETTER (HeraldTemplate, template, HERALD_TYPE_TEMPLATE)
DEFINE_GETTER (HeraldRecipient, recipient, HERALD_TYPE_RECIPIENT)
DEFINE_GETTER (HeraldEvent, event, HERALD_TYPE_EVENT)
DEFINE_GETTER (HeraldVariant, variant, HERALD_TYPE_VARIANT)
DEFINE_GETTER (HeraldPerformanceDay, performance_day, HERALD_TYPE_PERFORMANCE_DAY)
DEFINE_GETTER (HeraldContact, contact, HERALD_TYPE_CONTACT)
DEFINE_GETTER (HeraldSegment, segment, HERALD_TYPE_SEGMENT)

/* Campaigns ----------------------------------------------------------- */

/**
 * herald_store_fts_query: (skip)
 * @text: words typed by a person
 *
 * Turns free text into an FTS5 query that matches every word as a prefix;
 * quotes make the user's punctuation harmless.
 *
 * Returns: (transfer full) (nullable): the query, %NULL when @text has no
 *   word
 */
char *
herald_store_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL)
    return NULL;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || c == '_' || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return query->len > 0 ? g_strdup (query->str) : NULL;
}

/**
 * herald_store_fts_condition_sql: (skip)
 * @table: a table with a full-text index `<table>_fts`
 *
 * The unary + keeps SQLite from driving the query by the matches: for a
 * short prefix with tens of thousands of hits, walking the sort index and
 * probing the match list fills a page far sooner than sorting all hits;
 * for a rare word the walk is still bounded by the table.
 *
 * Returns: (transfer full): the condition that a row matches the FTS5
 *   query bound to its one '?' parameter
 */
char *
herald_store_fts_condition_sql (const char *table)
{
  return g_strdup_printf ("+local_id IN (SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?)", table, table);
}

/* "No value" sorts last in both directions: the key of a rate without a
 * denominator (or an SMS open rate, which the list shows as "—") and of a
 * missing time is a sentinel beyond every value in the direction of the
 * sort, so each nullable key has one expression (and one index in
 * 0004-search-sort-roi.sql) per direction.  '~' sorts after every ISO 8601
 * time.  The expressions must stay exactly those of the indexes; the
 * store tests check the query plans. */
#define SORT_TIME(column, sentinel) "coalesce(" column ", '" sentinel "')"
#define SORT_OPEN_RATE(sentinel) \
  "(CASE WHEN type = 'sms' OR delivered_count <= 0 THEN " sentinel " ELSE open_count * 1.0 / delivered_count END)"
#define SORT_CLICK_RATE(sentinel) \
  "(CASE WHEN delivered_count <= 0 THEN " sentinel " ELSE click_count * 1.0 / delivered_count END)"

/**
 * herald_store_campaign_sort_sql: (skip)
 * @sort: a sort key
 * @descending: for a sort from the largest
 *
 * Returns: the SQL expression campaigns are sorted by; never NULL
 */
const char *
herald_store_campaign_sort_sql (HeraldCampaignSort sort,
                                gboolean           descending)
{
  switch (sort)
    {
    case HERALD_CAMPAIGN_SORT_UPDATED_AT:
      return "updated_at";
    case HERALD_CAMPAIGN_SORT_CREATED_AT:
      return "created_at";
    case HERALD_CAMPAIGN_SORT_NAME:
      return "name COLLATE NOCASE";
    case HERALD_CAMPAIGN_SORT_TYPE:
      return "(CASE type WHEN 'email' THEN 0 WHEN 'sms' THEN 1 WHEN 'push' THEN 2 ELSE 3 END)";
    case HERALD_CAMPAIGN_SORT_STATUS:
      return "(CASE status WHEN 'draft' THEN 0 WHEN 'scheduled' THEN 1 WHEN 'running' THEN 2 "
             "WHEN 'paused' THEN 3 WHEN 'completed' THEN 4 ELSE 5 END)";
    case HERALD_CAMPAIGN_SORT_SCHEDULED_AT:
      /* the Schedule column: when it started, else when it is to start */
      return descending ? SORT_TIME ("started_at, scheduled_at", "") : SORT_TIME ("started_at, scheduled_at", "~");
    case HERALD_CAMPAIGN_SORT_STARTED_AT:
      return descending ? SORT_TIME ("started_at", "") : SORT_TIME ("started_at", "~");
    case HERALD_CAMPAIGN_SORT_TARGET_COUNT:
      return "target_count";
    case HERALD_CAMPAIGN_SORT_SENT_COUNT:
      return "sent_count";
    case HERALD_CAMPAIGN_SORT_OPEN_RATE:
      return descending ? SORT_OPEN_RATE ("-1e308") : SORT_OPEN_RATE ("1e308");
    case HERALD_CAMPAIGN_SORT_CLICK_RATE:
      return descending ? SORT_CLICK_RATE ("-1e308") : SORT_CLICK_RATE ("1e308");
    case HERALD_CAMPAIGN_SORT_BUDGET:
      return "budget";
    case HERALD_CAMPAIGN_SORT_SPENT:
      return "spent";
    default:
      g_return_val_if_reached ("updated_at");
    }
}

/**
 * herald_store_campaign_where_sql: (skip)
 * @query: a query
 *
 * Returns: (transfer full): the WHERE condition of @query with positional
 *   parameters, bound by herald_store_bind_campaign_query()
 */
char *
herald_store_campaign_where_sql (HeraldCampaignQuery *query)
{
  g_autoptr(GString) where = g_string_new ("1");
  g_autofree char *fts = herald_store_fts_query (herald_campaign_query_get_search (query));

  if (herald_campaign_query_get_status (query) >= 0)
    g_string_append (where, " AND status = ?");
  if (herald_campaign_query_get_campaign_type (query) >= 0)
    g_string_append (where, " AND type = ?");
  if (herald_campaign_query_get_updated_since (query) != NULL)
    g_string_append (where, " AND updated_at >= ?");
  if (fts != NULL)
    {
      g_autofree char *condition = herald_store_fts_condition_sql ("campaigns");

      g_string_append_printf (where, " AND %s", condition);
    }
  return g_string_free (g_steal_pointer (&where), FALSE);
}

/**
 * herald_store_campaign_count_sql: (skip)
 * @query: a query
 *
 * Returns: (transfer full): the SQL counting the campaigns of @query, with
 *   the parameters of herald_store_bind_campaign_query(); a text search
 *   alone is counted in the full-text index without touching the table
 */
char *
herald_store_campaign_count_sql (HeraldCampaignQuery *query)
{
  g_autofree char *fts = herald_store_fts_query (herald_campaign_query_get_search (query));
  g_autofree char *where = NULL;

  if (fts != NULL && herald_campaign_query_get_status (query) < 0
      && herald_campaign_query_get_campaign_type (query) < 0
      && herald_campaign_query_get_updated_since (query) == NULL)
    return g_strdup ("SELECT count(*) FROM campaigns_fts WHERE campaigns_fts MATCH ?");

  where = herald_store_campaign_where_sql (query);
  return g_strdup_printf ("SELECT count(*) FROM campaigns WHERE %s", where);
}

/**
 * herald_store_bind_campaign_query: (skip)
 * @stmt: a statement containing herald_store_campaign_where_sql()
 * @first_index: the index of its first parameter
 * @query: the query
 *
 * Returns: the index after the last parameter bound
 */
int
herald_store_bind_campaign_query (sqlite3_stmt        *stmt,
                                  int                  first_index,
                                  HeraldCampaignQuery *query)
{
  g_autofree char *fts = herald_store_fts_query (herald_campaign_query_get_search (query));
  int i = first_index;

  if (herald_campaign_query_get_status (query) >= 0)
    sqlite3_bind_text (stmt, i++, herald_enum_to_nick (HERALD_TYPE_CAMPAIGN_STATUS,
                                                       herald_campaign_query_get_status (query)),
                       -1, SQLITE_STATIC);
  if (herald_campaign_query_get_campaign_type (query) >= 0)
    sqlite3_bind_text (stmt, i++, herald_enum_to_nick (HERALD_TYPE_CAMPAIGN_TYPE,
                                                       herald_campaign_query_get_campaign_type (query)),
                       -1, SQLITE_STATIC);
  if (herald_campaign_query_get_updated_since (query) != NULL)
    bind_time (stmt, i++, herald_campaign_query_get_updated_since (query));
  if (fts != NULL)
    sqlite3_bind_text (stmt, i++, fts, -1, SQLITE_TRANSIENT);
  return i;
}

/**
 * herald_store_list_campaigns:
 * @self: a store
 * @query: (nullable): filters and order, %NULL for all by last update
 * @after: (nullable): the last campaign of the previous page
 * @limit: the page size
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldCampaign) (nullable): one page
 */
GPtrArray *
herald_store_list_campaigns (HeraldStore          *self,
                             HeraldCampaignQuery  *query,
                             HeraldCampaign       *after,
                             guint                 limit,
                             GError              **error)
{
  g_autoptr(HeraldCampaignQuery) all = NULL;
  g_autofree char *where = NULL;
  g_autofree char *keyset = NULL;
  g_autofree char *sql = NULL;
  const char *key;
  const char *cmp;
  const char *dir;
  sqlite3_stmt *stmt;
  int next;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  if (query == NULL)
    query = all = herald_campaign_query_new ();
  key = herald_store_campaign_sort_sql (herald_campaign_query_get_sort (query),
                                        herald_campaign_query_get_descending (query));
  cmp = herald_campaign_query_get_descending (query) ? "<" : ">";
  dir = herald_campaign_query_get_descending (query) ? "DESC" : "ASC";
  where = herald_store_campaign_where_sql (query);
  if (after != NULL)
    /* the first term lets SQLite seek in an expression index */
    keyset = g_strdup_printf (" AND %s %s= (SELECT %s FROM campaigns WHERE id = ?) "
                              "AND (%s, local_id) %s (SELECT %s, local_id FROM campaigns WHERE id = ?)",
                              key, cmp, key, key, cmp, key);
  sql = g_strdup_printf ("SELECT %s FROM campaigns WHERE %s%s ORDER BY %s %s, local_id %s LIMIT ?",
                         herald_store_get_columns (HERALD_TYPE_CAMPAIGN), where,
                         keyset ? keyset : "", key, dir, dir);
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  next = herald_store_bind_campaign_query (stmt, 1, query);
  if (after != NULL)
    {
      sqlite3_bind_text (stmt, next++, herald_record_get_id (HERALD_RECORD (after)), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, next++, herald_record_get_id (HERALD_RECORD (after)), -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (stmt, next, limit);
  return collect (self, stmt, HERALD_TYPE_CAMPAIGN, error);
}

/**
 * herald_store_count_campaigns:
 * @self: a store
 * @query: (nullable): filters
 * @error: return location for an error
 *
 * Returns: how many campaigns match, -1 on error
 */
gint64
herald_store_count_campaigns (HeraldStore          *self,
                              HeraldCampaignQuery  *query,
                              GError              **error)
{
  g_autoptr(HeraldCampaignQuery) all = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), -1);

  if (query == NULL)
    query = all = herald_campaign_query_new ();
  sql = herald_store_campaign_count_sql (query);
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return -1;
  herald_store_bind_campaign_query (stmt, 1, query);
  return step_count (self, stmt, error);
}

static GPtrArray *
search (HeraldStore  *self,
        GType         type,
        const char   *table,
        const char   *text,
        guint         limit,
        GError      **error)
{
  g_autofree char *fts = herald_store_fts_query (text);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (fts == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* best matches first (bm25), a name hit counting most */
  sql = g_strdup_printf ("SELECT %s FROM %s JOIN (SELECT rowid AS hit, bm25 (%s_fts, 10.0) AS rank "
                         "FROM %s_fts WHERE %s_fts MATCH ?1 ORDER BY rank LIMIT ?2) ON local_id = hit "
                         "ORDER BY rank",
                         herald_store_get_columns (type), table, table, table, table);
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  return collect (self, stmt, type, error);
}

/**
 * herald_store_search_campaigns:
 * @self: a store
 * @text: words typed by a person
 * @limit: the most results to return
 * @error: return location for an error
 *
 * Full-text search over campaign names, descriptions, preheaders and
 * senders; every word matches as a prefix, best matches first.
 *
 * Returns: (transfer full) (element-type HeraldCampaign) (nullable): matches
 */
GPtrArray *
herald_store_search_campaigns (HeraldStore  *self,
                               const char   *text,
                               guint         limit,
                               GError      **error)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  return search (self, HERALD_TYPE_CAMPAIGN, "campaigns", text, limit, error);
}

/**
 * herald_store_search_templates:
 * @self: a store
 * @text: words typed by a person
 * @limit: the most results to return
 * @error: return location for an error
 *
 * Full-text search over template names, descriptions, subjects,
 * preheaders and bodies.
 *
 * Returns: (transfer full) (element-type HeraldTemplate) (nullable): matches
 */
GPtrArray *
herald_store_search_templates (HeraldStore  *self,
                               const char   *text,
                               guint         limit,
                               GError      **error)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  return search (self, HERALD_TYPE_TEMPLATE, "templates", text, limit, error);
}

/**
 * herald_store_list_templates:
 * @self: a store
 * @type: a #HeraldTemplateType, -1 for any
 * @search: (nullable): words to search for
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldTemplate) (nullable): the
 *   templates, by name
 */
GPtrArray *
herald_store_list_templates (HeraldStore  *self,
                             int           type,
                             const char   *search_text,
                             GError      **error)
{
  g_autofree char *fts = herald_store_fts_query (search_text);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM templates WHERE (?1 IS NULL OR type = ?1)%s "
                         "ORDER BY name COLLATE NOCASE, local_id",
                         herald_store_get_columns (HERALD_TYPE_TEMPLATE),
                         fts ? " AND local_id IN (SELECT rowid FROM templates_fts WHERE templates_fts MATCH ?2)" : "");
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, type >= 0 ? herald_enum_to_nick (HERALD_TYPE_TEMPLATE_TYPE, type) : NULL);
  if (fts != NULL)
    sqlite3_bind_text (stmt, 2, fts, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, HERALD_TYPE_TEMPLATE, error);
}

/**
 * herald_store_list_segments:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldSegment) (nullable): all
 *   segments, by name
 */
GPtrArray *
herald_store_list_segments (HeraldStore  *self,
                            GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM segments ORDER BY name COLLATE NOCASE, local_id",
                         herald_store_get_columns (HERALD_TYPE_SEGMENT));
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, HERALD_TYPE_SEGMENT, error);
}

/**
 * herald_store_list_contacts:
 * @self: a store
 * @search: (nullable): text found anywhere in name, email or phone
 * @after: (nullable): the last contact of the previous page
 * @limit: the page size
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldContact) (nullable): one page,
 *   by name
 */
GPtrArray *
herald_store_list_contacts (HeraldStore    *self,
                            const char     *search_text,
                            HeraldContact  *after,
                            guint           limit,
                            GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM contacts WHERE "
                         "(?1 IS NULL OR instr (lower (name), lower (?1)) OR instr (lower (email), lower (?1)) "
                         "OR instr (phone, ?1)) AND (?2 IS NULL OR (name COLLATE NOCASE, local_id) > "
                         "(SELECT name COLLATE NOCASE, local_id FROM contacts WHERE id = ?2)) "
                         "ORDER BY name COLLATE NOCASE, local_id LIMIT ?3",
                         herald_store_get_columns (HERALD_TYPE_CONTACT));
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, search_text != NULL && *search_text ? search_text : NULL);
  bind_text_or_null (stmt, 2, after ? herald_record_get_id (HERALD_RECORD (after)) : NULL);
  sqlite3_bind_int64 (stmt, 3, limit);
  return collect (self, stmt, HERALD_TYPE_CONTACT, error);
}

/* Recipients ---------------------------------------------------------- */

/**
 * herald_store_list_recipients:
 * @self: a store
 * @campaign_id: the campaign
 * @status: a #HeraldRecipientStatus, -1 for any
 * @address_search: (nullable): text found anywhere in the address
 * @after: (nullable): the last recipient of the previous page
 * @limit: the page size
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldRecipient) (nullable): one
 *   page, by address
 */
GPtrArray *
herald_store_list_recipients (HeraldStore      *self,
                              const char       *campaign_id,
                              int               status,
                              const char       *address_search,
                              HeraldRecipient  *after,
                              guint             limit,
                              GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM recipients WHERE campaign_id = ?1 "
                         "AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR instr (lower (address), lower (?3))) "
                         "AND (?4 IS NULL OR (address, local_id) > (SELECT address, local_id FROM recipients WHERE id = ?4)) "
                         "ORDER BY address, local_id LIMIT ?5",
                         herald_store_get_columns (HERALD_TYPE_RECIPIENT));
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, status >= 0 ? herald_enum_to_nick (HERALD_TYPE_RECIPIENT_STATUS, status) : NULL);
  bind_text_or_null (stmt, 3, address_search != NULL && *address_search ? address_search : NULL);
  bind_text_or_null (stmt, 4, after ? herald_record_get_id (HERALD_RECORD (after)) : NULL);
  sqlite3_bind_int64 (stmt, 5, limit);
  return collect (self, stmt, HERALD_TYPE_RECIPIENT, error);
}

/**
 * herald_store_count_recipients:
 * @self: a store
 * @campaign_id: the campaign
 * @status: a #HeraldRecipientStatus, -1 for any
 * @address_search: (nullable): text found anywhere in the address
 * @error: return location for an error
 *
 * Returns: how many recipients match, -1 on error
 */
gint64
herald_store_count_recipients (HeraldStore  *self,
                               const char   *campaign_id,
                               int           status,
                               const char   *address_search,
                               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), -1);
  g_return_val_if_fail (campaign_id != NULL, -1);

  if (address_search == NULL || *address_search == '\0')
    {
      /* O(1): the per-status counts the triggers keep (schema 7) */
      stmt = herald_store_prepare_read (self, HERALD_STORE_RECIPIENT_COUNT_SQL " AND (?2 IS NULL OR status = ?2)",
                                        error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 2, status >= 0 ? herald_enum_to_nick (HERALD_TYPE_RECIPIENT_STATUS, status) : NULL);
      return step_count (self, stmt, error);
    }
  stmt = herald_store_prepare_read (self,
                                    "SELECT count(*) FROM recipients WHERE campaign_id = ?1 "
                                    "AND (?2 IS NULL OR status = ?2) "
                                    "AND instr (lower (address), lower (?3))", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, status >= 0 ? herald_enum_to_nick (HERALD_TYPE_RECIPIENT_STATUS, status) : NULL);
  sqlite3_bind_text (stmt, 3, address_search, -1, SQLITE_TRANSIENT);
  return step_count (self, stmt, error);
}

/**
 * herald_store_count_recipients_by_status:
 * @self: a store
 * @campaign_id: the campaign
 * @counts: (array fixed-size=5) (out caller-allocates): one count per
 *   #HeraldRecipientStatus
 * @error: return location for an error
 *
 * Returns: whether @counts was filled
 */
gboolean
herald_store_count_recipients_by_status (HeraldStore  *self,
                                         const char   *campaign_id,
                                         gint64       *counts,
                                         GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (campaign_id != NULL && counts != NULL, FALSE);

  for (int i = 0; i <= HERALD_RECIPIENT_STATUS_FAILED; i++)
    counts[i] = 0;
  stmt = herald_store_prepare_read (self,
                                    "SELECT status, n FROM recipient_counts WHERE campaign_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int status;

      if (herald_enum_from_nick (HERALD_TYPE_RECIPIENT_STATUS,
                                 (const char *) sqlite3_column_text (stmt, 0), &status))
        counts[status] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return herald_store_set_sqlite_error (read_db (self), rc, error);
  return TRUE;
}

/* Events, variants, performance ---------------------------------------- */

/**
 * herald_store_list_events:
 * @self: a store
 * @campaign_id: the campaign
 * @event_type: a #HeraldEventType, -1 for any
 * @since: (nullable): earliest timestamp, inclusive
 * @until: (nullable): latest timestamp, exclusive
 * @after: (nullable): the last event of the previous page
 * @limit: the page size
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldEvent) (nullable): one page,
 *   newest first
 */
GPtrArray *
herald_store_list_events (HeraldStore  *self,
                          const char   *campaign_id,
                          int           event_type,
                          GDateTime    *since,
                          GDateTime    *until,
                          HeraldEvent  *after,
                          guint         limit,
                          GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM events WHERE campaign_id = ?1 "
                         "AND (?2 IS NULL OR event_type = ?2) "
                         "AND (?3 IS NULL OR timestamp >= ?3) AND (?4 IS NULL OR timestamp < ?4) "
                         "AND (?5 IS NULL OR (timestamp, local_id) < (SELECT timestamp, local_id FROM events WHERE id = ?5)) "
                         "ORDER BY timestamp DESC, local_id DESC LIMIT ?6",
                         herald_store_get_columns (HERALD_TYPE_EVENT));
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, event_type >= 0 ? herald_enum_to_nick (HERALD_TYPE_EVENT_TYPE, event_type) : NULL);
  bind_time (stmt, 3, since);
  bind_time (stmt, 4, until);
  bind_text_or_null (stmt, 5, after ? herald_record_get_id (HERALD_RECORD (after)) : NULL);
  sqlite3_bind_int64 (stmt, 6, limit);
  return collect (self, stmt, HERALD_TYPE_EVENT, error);
}

/**
 * herald_store_list_variants:
 * @self: a store
 * @campaign_id: the campaign
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldVariant) (nullable): the A/B
 *   variants, by name
 */
GPtrArray *
herald_store_list_variants (HeraldStore  *self,
                            const char   *campaign_id,
                            GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM variants WHERE campaign_id = ?1 ORDER BY variant_name, local_id",
                         herald_store_get_columns (HERALD_TYPE_VARIANT));
  stmt = herald_store_prepare_read (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, HERALD_TYPE_VARIANT, error);
}

#define PERFORMANCE_SUMS \
  "sum (sent_count), sum (delivered_count), sum (open_count), sum (click_count), " \
  "sum (conversion_count), sum (bounce_count), sum (unsubscribe_count), sum (revenue), sum (spent), " \
  "coalesce (min (currency), 'EUR'), sum (machine_open_count)"

static HeraldPerformanceDay *
performance_from_sums (sqlite3_stmt *stmt,
                       const char   *campaign_id,
                       const char   *date)
{
  HeraldPerformanceDay *day = g_object_new (HERALD_TYPE_PERFORMANCE_DAY, NULL);
  gint64 delivered = sqlite3_column_int64 (stmt, 2);
  double v;

  herald_performance_day_set_campaign_id (day, campaign_id);
  herald_performance_day_set_date (day, date);
  herald_performance_day_set_sent_count (day, sqlite3_column_int64 (stmt, 1));
  herald_performance_day_set_delivered_count (day, delivered);
  herald_performance_day_set_open_count (day, sqlite3_column_int64 (stmt, 3));
  herald_performance_day_set_click_count (day, sqlite3_column_int64 (stmt, 4));
  herald_performance_day_set_conversion_count (day, sqlite3_column_int64 (stmt, 5));
  herald_performance_day_set_bounce_count (day, sqlite3_column_int64 (stmt, 6));
  herald_performance_day_set_unsubscribe_count (day, sqlite3_column_int64 (stmt, 7));
  herald_performance_day_set_revenue (day, sqlite3_column_int64 (stmt, 8));
  herald_performance_day_set_spent (day, sqlite3_column_int64 (stmt, 9));
  herald_performance_day_set_currency (day, (const char *) sqlite3_column_text (stmt, 10));
  herald_performance_day_set_machine_open_count (day, sqlite3_column_int64 (stmt, 11));
  herald_performance_day_set_open_rate (day, herald_metrics_open_rate (sqlite3_column_int64 (stmt, 3), delivered, &v) ? v : -1.0);
  herald_performance_day_set_click_rate (day, herald_metrics_click_rate (sqlite3_column_int64 (stmt, 4), delivered, &v) ? v : -1.0);
  herald_performance_day_set_conversion_rate (day, herald_metrics_conversion_rate (sqlite3_column_int64 (stmt, 5), delivered, &v) ? v : -1.0);
  herald_performance_day_set_roi (day, herald_metrics_roi (sqlite3_column_int64 (stmt, 8), sqlite3_column_int64 (stmt, 9), &v)
                                       ? v : HERALD_METRICS_NO_ROI);
  return day;
}

/**
 * herald_store_list_performance:
 * @self: a store
 * @campaign_id: (nullable): the campaign, %NULL to sum over all campaigns
 * @from_date: (nullable): first day, YYYY-MM-DD
 * @to_date: (nullable): last day, YYYY-MM-DD, inclusive
 * @error: return location for an error
 *
 * The per-day series of a campaign (the stored rows) or, with
 * @campaign_id %NULL, the daily totals across campaigns with rates
 * computed from the summed counts.
 *
 * Returns: (transfer full) (element-type HeraldPerformanceDay) (nullable):
 *   one entry per day with data, oldest first
 */
GPtrArray *
herald_store_list_performance (HeraldStore  *self,
                               const char   *campaign_id,
                               const char   *from_date,
                               const char   *to_date,
                               GError      **error)
{
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  if (campaign_id != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM performance WHERE campaign_id = ?1 "
                                              "AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3) "
                                              "ORDER BY date",
                                              herald_store_get_columns (HERALD_TYPE_PERFORMANCE_DAY));

      stmt = herald_store_prepare_read (self, sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 2, from_date);
      bind_text_or_null (stmt, 3, to_date);
      return collect (self, stmt, HERALD_TYPE_PERFORMANCE_DAY, error);
    }

  stmt = herald_store_prepare_read (self,
                                    "SELECT date, " PERFORMANCE_SUMS " FROM performance "
                                    "WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) "
                                    "GROUP BY date ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, from_date);
  bind_text_or_null (stmt, 2, to_date);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, performance_from_sums (stmt, NULL, (const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (read_db (self), rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * herald_store_get_performance_totals:
 * @self: a store
 * @campaign_id: (nullable): the campaign, %NULL for all campaigns
 * @from_date: (nullable): first day, YYYY-MM-DD
 * @to_date: (nullable): last day, YYYY-MM-DD, inclusive
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the sums over the period, rates and
 *   ROI computed from them (no value: -1 rates, %HERALD_METRICS_NO_ROI)
 */
HeraldPerformanceDay *
herald_store_get_performance_totals (HeraldStore  *self,
                                     const char   *campaign_id,
                                     const char   *from_date,
                                     const char   *to_date,
                                     GError      **error)
{
  HeraldPerformanceDay *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  stmt = herald_store_prepare_read (self,
                                    "SELECT NULL, " PERFORMANCE_SUMS " FROM performance "
                                    "WHERE (?1 IS NULL OR campaign_id = ?1) "
                                    "AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)", error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, campaign_id);
  bind_text_or_null (stmt, 2, from_date);
  bind_text_or_null (stmt, 3, to_date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    day = performance_from_sums (stmt, campaign_id, "");
  else
    herald_store_set_sqlite_error (read_db (self), rc, error);
  sqlite3_reset (stmt);
  return day;
}

/* Outbox -------------------------------------------------------------- */

/**
 * herald_outbox_entry_free:
 * @entry: (nullable): an entry
 *
 * Frees @entry.
 */
void
herald_outbox_entry_free (HeraldOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->op);
  g_free (entry->patch);
  g_free (entry->base_version);
  g_free (entry->idempotency_key);
  g_clear_pointer (&entry->next_attempt_at, g_date_time_unref);
  g_free (entry->state);
  g_free (entry->last_error);
  g_free (entry);
}

/**
 * herald_store_list_outbox:
 * @self: a store
 * @limit: the most entries to return
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type HeraldOutboxEntry) (nullable): the
 *   oldest entries first
 */
GPtrArray *
herald_store_list_outbox (HeraldStore  *self,
                          guint         limit,
                          GError      **error)
{
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  stmt = herald_store_prepare_read (self,
                                    "SELECT seq, entity, entity_id, op, patch, base_version, idempotency_key, "
                                    "attempts, next_attempt_at, state, last_error FROM outbox ORDER BY seq LIMIT ?1",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HeraldOutboxEntry *e = g_new0 (HeraldOutboxEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      e->op = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->patch = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->base_version = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->idempotency_key = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      e->attempts = sqlite3_column_int (stmt, 7);
      e->next_attempt_at = herald_datetime_from_iso8601 ((const char *) sqlite3_column_text (stmt, 8));
      e->state = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      e->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      g_ptr_array_add (result, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (read_db (self), rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * herald_store_count_outbox:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: how many changes wait to be pushed, -1 on error
 */
gint64
herald_store_count_outbox (HeraldStore  *self,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HERALD_IS_STORE (self), -1);

  stmt = herald_store_prepare_read (self, "SELECT count(*) FROM outbox", error);
  if (stmt == NULL)
    return -1;
  return step_count (self, stmt, error);
}
