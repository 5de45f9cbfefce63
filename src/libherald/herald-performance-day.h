/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-performance-day.h: the metrics of one campaign on one day (the seed's CampaignPerformance). */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_PERFORMANCE_DAY (herald_performance_day_get_type ())
G_DECLARE_FINAL_TYPE (HeraldPerformanceDay, herald_performance_day, HERALD, PERFORMANCE_DAY, HeraldRecord)

HeraldPerformanceDay *herald_performance_day_new                   (void);
const char *          herald_performance_day_get_campaign_id       (HeraldPerformanceDay *self);
void                  herald_performance_day_set_campaign_id       (HeraldPerformanceDay *self, const char *campaign_id);
const char *          herald_performance_day_get_date              (HeraldPerformanceDay *self);
void                  herald_performance_day_set_date              (HeraldPerformanceDay *self, const char *date);
gint64                herald_performance_day_get_sent_count        (HeraldPerformanceDay *self);
void                  herald_performance_day_set_sent_count        (HeraldPerformanceDay *self, gint64 sent_count);
gint64                herald_performance_day_get_delivered_count   (HeraldPerformanceDay *self);
void                  herald_performance_day_set_delivered_count   (HeraldPerformanceDay *self, gint64 delivered_count);
gint64                herald_performance_day_get_open_count        (HeraldPerformanceDay *self);
void                  herald_performance_day_set_open_count        (HeraldPerformanceDay *self, gint64 open_count);
gint64                herald_performance_day_get_machine_open_count (HeraldPerformanceDay *self);
void                  herald_performance_day_set_machine_open_count (HeraldPerformanceDay *self, gint64 machine_open_count);
gint64                herald_performance_day_get_click_count       (HeraldPerformanceDay *self);
void                  herald_performance_day_set_click_count       (HeraldPerformanceDay *self, gint64 click_count);
gint64                herald_performance_day_get_conversion_count  (HeraldPerformanceDay *self);
void                  herald_performance_day_set_conversion_count  (HeraldPerformanceDay *self, gint64 conversion_count);
gint64                herald_performance_day_get_bounce_count      (HeraldPerformanceDay *self);
void                  herald_performance_day_set_bounce_count      (HeraldPerformanceDay *self, gint64 bounce_count);
gint64                herald_performance_day_get_unsubscribe_count (HeraldPerformanceDay *self);
void                  herald_performance_day_set_unsubscribe_count (HeraldPerformanceDay *self, gint64 unsubscribe_count);
double                herald_performance_day_get_open_rate         (HeraldPerformanceDay *self);
void                  herald_performance_day_set_open_rate         (HeraldPerformanceDay *self, double open_rate);
double                herald_performance_day_get_click_rate        (HeraldPerformanceDay *self);
void                  herald_performance_day_set_click_rate        (HeraldPerformanceDay *self, double click_rate);
double                herald_performance_day_get_conversion_rate   (HeraldPerformanceDay *self);
void                  herald_performance_day_set_conversion_rate   (HeraldPerformanceDay *self, double conversion_rate);
gint64                herald_performance_day_get_revenue           (HeraldPerformanceDay *self);
void                  herald_performance_day_set_revenue           (HeraldPerformanceDay *self, gint64 revenue);
gint64                herald_performance_day_get_spent             (HeraldPerformanceDay *self);
void                  herald_performance_day_set_spent             (HeraldPerformanceDay *self, gint64 spent);
const char *          herald_performance_day_get_currency          (HeraldPerformanceDay *self);
void                  herald_performance_day_set_currency          (HeraldPerformanceDay *self, const char *currency);
double                herald_performance_day_get_roi               (HeraldPerformanceDay *self);
void                  herald_performance_day_set_roi               (HeraldPerformanceDay *self, double roi);

G_END_DECLS
