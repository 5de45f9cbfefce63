/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-performance-report.c: per-campaign performance totals over a
 * period.  The Performance view compares thousands of campaigns, so the
 * sums, the rates and the order are computed by SQLite in one statement
 * instead of loading every campaign's days. */

#include "config.h"

#include "herald-enum-types.h"
#include "herald-metrics.h"
#include "herald-performance-report.h"
#include "herald-store-private.h"
#include "herald-util.h"

struct _HeraldPerformanceRow
{
  GObject  parent_instance;

  char    *campaign_id;
  char    *name;
  char    *currency;
  HeraldCampaignType campaign_type;
  gint64   sent;
  gint64   delivered;
  gint64   opens;
  gint64   clicks;
  gint64   conversions;
  gint64   revenue;
  gint64   spent;
};

G_DEFINE_FINAL_TYPE (HeraldPerformanceRow, herald_performance_row, G_TYPE_OBJECT)

static void
herald_performance_row_finalize (GObject *object)
{
  HeraldPerformanceRow *self = HERALD_PERFORMANCE_ROW (object);

  g_free (self->campaign_id);
  g_free (self->name);
  g_free (self->currency);

  G_OBJECT_CLASS (herald_performance_row_parent_class)->finalize (object);
}

static void
herald_performance_row_class_init (HeraldPerformanceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_performance_row_finalize;
}

static void
herald_performance_row_init (HeraldPerformanceRow *self)
{
}

#define DEFINE_ROW_GETTER(type, field, name) \
  type \
  herald_performance_row_get_##name (HeraldPerformanceRow *self) \
  { \
    g_return_val_if_fail (HERALD_IS_PERFORMANCE_ROW (self), 0); \
    return self->field; \
  }

/**
 * herald_performance_row_get_campaign_id:
 * @self: a row
 *
 * Returns: the campaign's UUID
 */
DEFINE_ROW_GETTER (const char *, campaign_id, campaign_id)
/**
 * herald_performance_row_get_name:
 * @self: a row
 *
 * Returns: the campaign's name
 */
DEFINE_ROW_GETTER (const char *, name, name)
/**
 * herald_performance_row_get_currency:
 * @self: a row
 *
 * Returns: the ISO 4217 currency of revenue and spent
 */
DEFINE_ROW_GETTER (const char *, currency, currency)
/**
 * herald_performance_row_get_campaign_type:
 * @self: a row
 *
 * Returns: the campaign's channel; SMS has no opens, so no open rate and
 *   no click-to-open rate
 */
DEFINE_ROW_GETTER (HeraldCampaignType, campaign_type, campaign_type)
/**
 * herald_performance_row_get_sent_count:
 * @self: a row
 *
 * Returns: messages sent in the period
 */
DEFINE_ROW_GETTER (gint64, sent, sent_count)
/**
 * herald_performance_row_get_delivered_count:
 * @self: a row
 *
 * Returns: messages delivered in the period
 */
DEFINE_ROW_GETTER (gint64, delivered, delivered_count)
/**
 * herald_performance_row_get_open_count:
 * @self: a row
 *
 * Returns: opens in the period
 */
DEFINE_ROW_GETTER (gint64, opens, open_count)
/**
 * herald_performance_row_get_click_count:
 * @self: a row
 *
 * Returns: clicks in the period
 */
DEFINE_ROW_GETTER (gint64, clicks, click_count)
/**
 * herald_performance_row_get_conversion_count:
 * @self: a row
 *
 * Returns: conversions in the period
 */
DEFINE_ROW_GETTER (gint64, conversions, conversion_count)
/**
 * herald_performance_row_get_revenue:
 * @self: a row
 *
 * Returns: revenue in minor units
 */
DEFINE_ROW_GETTER (gint64, revenue, revenue)
/**
 * herald_performance_row_get_spent:
 * @self: a row
 *
 * Returns: cost in minor units
 */
DEFINE_ROW_GETTER (gint64, spent, spent)

static const char *
sort_sql (HeraldPerformanceSort sort)
{
  switch (sort)
    {
    case HERALD_PERFORMANCE_SORT_NAME:
      return "c.name COLLATE NOCASE";
    case HERALD_PERFORMANCE_SORT_SENT:
      return "p.sent";
    /* An SMS cannot be opened: no open rate, last like a zero denominator. */
    case HERALD_PERFORMANCE_SORT_OPEN_RATE:
      return "(CASE WHEN c.type != 'sms' AND p.delivered > 0 THEN CAST (p.opens AS REAL) / p.delivered END)";
    case HERALD_PERFORMANCE_SORT_CLICK_RATE:
      return "(CASE WHEN p.delivered > 0 THEN CAST (p.clicks AS REAL) / p.delivered END)";
    case HERALD_PERFORMANCE_SORT_CLICK_TO_OPEN:
      return "(CASE WHEN c.type != 'sms' AND p.opens > 0 THEN CAST (p.clicks AS REAL) / p.opens END)";
    case HERALD_PERFORMANCE_SORT_CONVERSION_RATE:
      return "(CASE WHEN p.delivered > 0 THEN CAST (p.conversions AS REAL) / p.delivered END)";
    case HERALD_PERFORMANCE_SORT_REVENUE:
      return "p.revenue";
    case HERALD_PERFORMANCE_SORT_ROI:
      return "(CASE WHEN p.spent > 0 THEN CAST (p.revenue - p.spent AS REAL) / p.spent END)";
    default:
      g_assert_not_reached ();
    }
}

/* ?1 and ?2 of the period queries: the first and last day, or NULL for
 * no bound. */
static void
bind_period (sqlite3_stmt *stmt,
             const char   *from_date,
             const char   *to_date)
{
  if (from_date != NULL)
    sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  if (to_date != NULL)
    sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_TRANSIENT);
}

/**
 * herald_performance_report_list_campaigns:
 * @store: a store
 * @from_date: (nullable): first day, YYYY-MM-DD
 * @to_date: (nullable): last day, YYYY-MM-DD, inclusive
 * @sort: the sort key
 * @descending: largest first
 * @error: return location for an error
 *
 * The totals of every campaign that has performance data in the period,
 * summed and sorted by SQLite.  Ties and rates without a value are
 * ordered by insertion; rates without a value come last.
 *
 * Returns: (transfer full) (element-type HeraldPerformanceRow) (nullable):
 *   the rows
 */
GPtrArray *
herald_performance_report_list_campaigns (HeraldStore           *store,
                                          const char            *from_date,
                                          const char            *to_date,
                                          HeraldPerformanceSort  sort,
                                          gboolean               descending,
                                          GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  const char *key;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);
  g_return_val_if_fail (sort <= HERALD_PERFORMANCE_SORT_ROI, NULL);

  key = sort_sql (sort);
  sql = g_strdup_printf ("SELECT c.id, c.name, coalesce (p.currency, c.currency), p.sent, p.delivered, p.opens, "
                         "p.clicks, p.conversions, p.revenue, p.spent, c.type "
                         "FROM (SELECT campaign_id, sum (sent_count) AS sent, sum (delivered_count) AS delivered, "
                         "sum (open_count) AS opens, sum (click_count) AS clicks, "
                         "sum (conversion_count) AS conversions, sum (revenue) AS revenue, sum (spent) AS spent, "
                         "min (currency) AS currency FROM performance "
                         "WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) "
                         "GROUP BY campaign_id) AS p JOIN campaigns AS c ON c.id = p.campaign_id "
                         "ORDER BY %s IS NULL, %s %s, c.local_id",
                         key, key, descending ? "DESC" : "ASC");
  stmt = herald_store_prepare_read (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, from_date, to_date);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HeraldPerformanceRow *row = g_object_new (HERALD_TYPE_PERFORMANCE_ROW, NULL);

      row->campaign_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->sent = sqlite3_column_int64 (stmt, 3);
      row->delivered = sqlite3_column_int64 (stmt, 4);
      row->opens = sqlite3_column_int64 (stmt, 5);
      row->clicks = sqlite3_column_int64 (stmt, 6);
      row->conversions = sqlite3_column_int64 (stmt, 7);
      row->revenue = sqlite3_column_int64 (stmt, 8);
      row->spent = sqlite3_column_int64 (stmt, 9);
      {
        int type = HERALD_CAMPAIGN_TYPE_EMAIL;

        herald_enum_from_nick (HERALD_TYPE_CAMPAIGN_TYPE, (const char *) sqlite3_column_text (stmt, 10), &type);
        row->campaign_type = type;
      }
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (NULL, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * herald_performance_report_has_data:
 * @store: a store
 * @error: return location for an error
 *
 * Returns: whether any campaign has a performance day
 */
gboolean
herald_performance_report_has_data (HeraldStore  *store,
                                    GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean has_data;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (store), FALSE);

  stmt = herald_store_prepare_read (store, "SELECT EXISTS (SELECT 1 FROM performance)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  has_data = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    herald_store_set_sqlite_error (NULL, rc, error);
  return has_data;
}

/**
 * herald_performance_report_dup_as_of:
 * @store: a store
 * @campaign_id: (nullable): a campaign, %NULL for all
 * @error: return location for an error
 *
 * When the numbers shown were last brought up to date: the last sync
 * (store_meta %HERALD_PERFORMANCE_REPORT_SYNC_META_KEY) if sync has run,
 * else the newest updated-at of the performance days.
 *
 * Returns: (transfer full) (nullable): a UTC time, %NULL without data
 */
GDateTime *
herald_performance_report_dup_as_of (HeraldStore  *store,
                                     const char   *campaign_id,
                                     GError      **error)
{
  g_autofree char *synced = NULL;
  GDateTime *as_of = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);

  synced = herald_store_get_meta (store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL);
  if (synced != NULL && (as_of = g_date_time_new_from_iso8601 (synced, NULL)) != NULL)
    return as_of;

  /* Two statements, so that each has its index: updated_at for all,
   * (campaign_id, date) for one campaign. */
  if (campaign_id == NULL)
    stmt = herald_store_prepare_read (store, "SELECT max (updated_at) FROM performance", error);
  else
    stmt = herald_store_prepare_read (store,
                                      "SELECT max (updated_at) FROM performance WHERE campaign_id = ?1",
                                      error);
  if (stmt == NULL)
    return NULL;
  if (campaign_id != NULL)
    sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    as_of = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 0), NULL);
  else if (rc != SQLITE_ROW)
    herald_store_set_sqlite_error (NULL, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return as_of;
}

/**
 * herald_performance_report_list_open_days:
 * @store: a store
 * @from_date: (nullable): first day, YYYY-MM-DD
 * @to_date: (nullable): last day, YYYY-MM-DD, inclusive
 * @error: return location for an error
 *
 * Per day, the deliveries, opens and clicks of every campaign that can be
 * opened (no SMS), for the open rate of many campaigns day by day.
 *
 * Returns: (transfer full) (element-type HeraldPerformanceDay) (nullable):
 *   one entry per day with data, oldest first, with date, delivered, open
 *   and click counts and the open rate set
 */
GPtrArray *
herald_performance_report_list_open_days (HeraldStore  *store,
                                          const char   *from_date,
                                          const char   *to_date,
                                          GError      **error)
{
  g_autoptr(GPtrArray) days = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);

  stmt = herald_store_prepare_read (store,
                                    "SELECT p.date, sum (p.delivered_count), sum (p.open_count), sum (p.click_count) "
                                    "FROM performance AS p JOIN campaigns AS c ON c.id = p.campaign_id "
                                    "WHERE c.type != 'sms' AND (?1 IS NULL OR p.date >= ?1) AND (?2 IS NULL OR p.date <= ?2) "
                                    "GROUP BY p.date ORDER BY p.date",
                                    error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, from_date, to_date);
  days = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HeraldPerformanceDay *day = g_object_new (HERALD_TYPE_PERFORMANCE_DAY, NULL);
      gint64 delivered = sqlite3_column_int64 (stmt, 1);
      gint64 opens = sqlite3_column_int64 (stmt, 2);
      double rate;

      herald_performance_day_set_date (day, (const char *) sqlite3_column_text (stmt, 0));
      herald_performance_day_set_delivered_count (day, delivered);
      herald_performance_day_set_open_count (day, opens);
      herald_performance_day_set_click_count (day, sqlite3_column_int64 (stmt, 3));
      herald_performance_day_set_open_rate (day, herald_metrics_open_rate (opens, delivered, &rate) ? rate : -1.0);
      g_ptr_array_add (days, day);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (NULL, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}
