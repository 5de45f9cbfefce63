/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-metrics.h: the rates of DESIGN.md, computed from counts.  Each rate
 * function returns FALSE ("no value", shown as "—") when its denominator is
 * zero or negative, and stores the ratio (0..1, not percent) otherwise. */
#pragma once

#include <math.h>

#include <glib.h>

G_BEGIN_DECLS

/* A stored ROI without a value (nothing spent, shown as "—"): −∞, below
 * every ROI (which is at least −1, all revenue lost).  SQLite holds it as
 * NULL and the wire as null.  Stored rates use −1 instead. */
#define HERALD_METRICS_NO_ROI (-INFINITY)

gint64   herald_metrics_delivered        (gint64  sent,
                                          gint64  bounced,
                                          gint64  failed);
gboolean herald_metrics_ratio            (gint64  numerator,
                                          gint64  denominator,
                                          double *ratio);
gboolean herald_metrics_open_rate        (gint64  unique_openers,
                                          gint64  delivered,
                                          double *rate);
gboolean herald_metrics_click_rate       (gint64  unique_clickers,
                                          gint64  delivered,
                                          double *rate);
gboolean herald_metrics_click_to_open    (gint64  unique_clickers,
                                          gint64  unique_openers,
                                          double *rate);
gboolean herald_metrics_conversion_rate  (gint64  converters,
                                          gint64  delivered,
                                          double *rate);
gboolean herald_metrics_bounce_rate      (gint64  bounced,
                                          gint64  sent,
                                          double *rate);
gboolean herald_metrics_unsubscribe_rate (gint64  unsubscribes,
                                          gint64  delivered,
                                          double *rate);
gboolean herald_metrics_roi              (gint64  revenue,
                                          gint64  spent,
                                          double *roi);

G_END_DECLS
