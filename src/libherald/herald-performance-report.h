/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-performance-report.h: per-campaign performance totals over a
 * period, aggregated and sorted in SQL for the Performance view. */
#pragma once

#include "herald-store.h"

G_BEGIN_DECLS

/**
 * HeraldPerformanceSort:
 * @HERALD_PERFORMANCE_SORT_NAME: campaign name
 * @HERALD_PERFORMANCE_SORT_SENT: messages sent in the period
 * @HERALD_PERFORMANCE_SORT_OPEN_RATE: opens / delivered (none for SMS)
 * @HERALD_PERFORMANCE_SORT_CLICK_RATE: clicks / delivered
 * @HERALD_PERFORMANCE_SORT_CLICK_TO_OPEN: clicks / opens (none for SMS)
 * @HERALD_PERFORMANCE_SORT_CONVERSION_RATE: conversions / delivered
 * @HERALD_PERFORMANCE_SORT_REVENUE: revenue in minor units
 * @HERALD_PERFORMANCE_SORT_ROI: (revenue − spent) / spent
 *
 * Sort keys of the campaign comparison.  Rows whose rate has no value
 * (zero denominator) come last in either direction.
 */
typedef enum {
  HERALD_PERFORMANCE_SORT_NAME,
  HERALD_PERFORMANCE_SORT_SENT,
  HERALD_PERFORMANCE_SORT_OPEN_RATE,
  HERALD_PERFORMANCE_SORT_CLICK_RATE,
  HERALD_PERFORMANCE_SORT_CLICK_TO_OPEN,
  HERALD_PERFORMANCE_SORT_CONVERSION_RATE,
  HERALD_PERFORMANCE_SORT_REVENUE,
  HERALD_PERFORMANCE_SORT_ROI,
} HeraldPerformanceSort;

#define HERALD_TYPE_PERFORMANCE_ROW (herald_performance_row_get_type ())

G_DECLARE_FINAL_TYPE (HeraldPerformanceRow, herald_performance_row, HERALD, PERFORMANCE_ROW, GObject)

const char *herald_performance_row_get_campaign_id      (HeraldPerformanceRow *self);
const char *herald_performance_row_get_name             (HeraldPerformanceRow *self);
const char *herald_performance_row_get_currency         (HeraldPerformanceRow *self);
HeraldCampaignType herald_performance_row_get_campaign_type (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_sent_count       (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_delivered_count  (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_open_count       (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_click_count      (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_conversion_count (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_revenue          (HeraldPerformanceRow *self);
gint64      herald_performance_row_get_spent            (HeraldPerformanceRow *self);

GPtrArray  *herald_performance_report_list_campaigns    (HeraldStore          *store,
                                                         const char           *from_date,
                                                         const char           *to_date,
                                                         HeraldPerformanceSort sort,
                                                         gboolean              descending,
                                                         GError              **error);
gboolean    herald_performance_report_has_data          (HeraldStore          *store,
                                                         GError              **error);
GDateTime  *herald_performance_report_dup_as_of         (HeraldStore          *store,
                                                         const char           *campaign_id,
                                                         GError              **error);
GPtrArray  *herald_performance_report_list_open_days    (HeraldStore          *store,
                                                         const char           *from_date,
                                                         const char           *to_date,
                                                         GError              **error);
/* The store_meta key under which sync records its last successful pull
 * (ISO 8601 UTC). */
#define HERALD_PERFORMANCE_REPORT_SYNC_META_KEY "last_sync_at"

G_END_DECLS
