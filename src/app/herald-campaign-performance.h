/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"
#include "herald-chart.h"
#include "herald-date-range.h"

G_BEGIN_DECLS

/**
 * HeraldPerformanceExport:
 * @HERALD_PERFORMANCE_EXPORT_PNG: the chart as a PNG image
 * @HERALD_PERFORMANCE_EXPORT_SVG: the chart as an SVG drawing
 * @HERALD_PERFORMANCE_EXPORT_CSV: the chart's numbers as CSV
 *
 * What herald_campaign_performance_export() writes.
 */
typedef enum {
  HERALD_PERFORMANCE_EXPORT_PNG,
  HERALD_PERFORMANCE_EXPORT_SVG,
  HERALD_PERFORMANCE_EXPORT_CSV,
} HeraldPerformanceExport;

/**
 * HeraldPerformanceSeries:
 * @HERALD_PERFORMANCE_SERIES_SENT: messages sent per day
 * @HERALD_PERFORMANCE_SERIES_DELIVERED: messages delivered per day
 * @HERALD_PERFORMANCE_SERIES_OPENS: opens per day
 * @HERALD_PERFORMANCE_SERIES_CLICKS: clicks per day
 * @HERALD_PERFORMANCE_SERIES_CONVERSIONS: conversions per day
 * @HERALD_PERFORMANCE_SERIES_MACHINE_OPENS: machine opens per day (Apple
 *   Mail Privacy Protection, security scanners), not in the opens; offered
 *   only when the campaign has any
 *
 * The daily series a #HeraldCampaignPerformance can show.
 */
typedef enum {
  HERALD_PERFORMANCE_SERIES_SENT,
  HERALD_PERFORMANCE_SERIES_DELIVERED,
  HERALD_PERFORMANCE_SERIES_OPENS,
  HERALD_PERFORMANCE_SERIES_CLICKS,
  HERALD_PERFORMANCE_SERIES_CONVERSIONS,
  HERALD_PERFORMANCE_SERIES_MACHINE_OPENS,
} HeraldPerformanceSeries;

gboolean herald_performance_export_chart (HeraldChart              *chart,
                                          HeraldPerformanceExport   format,
                                          const char               *path,
                                          int                       width,
                                          int                       height,
                                          GError                  **error);

#define HERALD_TYPE_CAMPAIGN_PERFORMANCE (herald_campaign_performance_get_type ())

G_DECLARE_FINAL_TYPE (HeraldCampaignPerformance, herald_campaign_performance, HERALD, CAMPAIGN_PERFORMANCE, AdwBin)

GtkWidget       *herald_campaign_performance_new              (HeraldStore               *store);
HeraldStore     *herald_campaign_performance_get_store        (HeraldCampaignPerformance *self);
void             herald_campaign_performance_set_store        (HeraldCampaignPerformance *self,
                                                               HeraldStore               *store);
HeraldCampaign  *herald_campaign_performance_get_campaign     (HeraldCampaignPerformance *self);
void             herald_campaign_performance_set_campaign     (HeraldCampaignPerformance *self,
                                                               HeraldCampaign            *campaign);
void             herald_campaign_performance_set_series_visible (HeraldCampaignPerformance *self,
                                                               HeraldPerformanceSeries    series,
                                                               gboolean                   visible);
HeraldDateRange *herald_campaign_performance_get_date_range   (HeraldCampaignPerformance *self);
HeraldChart     *herald_campaign_performance_get_chart        (HeraldCampaignPerformance *self);
HeraldChart     *herald_campaign_performance_get_funnel       (HeraldCampaignPerformance *self);
char            *herald_campaign_performance_dup_money_text   (HeraldCampaignPerformance *self,
                                                               guint                      index);
gboolean         herald_campaign_performance_export           (HeraldCampaignPerformance *self,
                                                               HeraldPerformanceExport    format,
                                                               const char                *path,
                                                               GError                   **error);
gboolean         herald_campaign_performance_export_funnel    (HeraldCampaignPerformance *self,
                                                               HeraldPerformanceExport    format,
                                                               const char                *path,
                                                               GError                   **error);
const char      *herald_campaign_performance_get_as_of_text   (HeraldCampaignPerformance *self);
const char      *herald_campaign_performance_get_machine_open_note (HeraldCampaignPerformance *self);

G_END_DECLS
