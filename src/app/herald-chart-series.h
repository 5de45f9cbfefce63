/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HERALD_TYPE_CHART_SERIES (herald_chart_series_get_type ())

G_DECLARE_FINAL_TYPE (HeraldChartSeries, herald_chart_series, HERALD, CHART_SERIES, GObject)

HeraldChartSeries *herald_chart_series_new          (const char        *name);
const char        *herald_chart_series_get_name     (HeraldChartSeries *self);
void               herald_chart_series_set_name     (HeraldChartSeries *self,
                                                     const char        *name);
void               herald_chart_series_set_points   (HeraldChartSeries *self,
                                                     const double      *xs,
                                                     const double      *ys,
                                                     guint              n_points);
void               herald_chart_series_set_daily    (HeraldChartSeries *self,
                                                     guint32            first_julian,
                                                     const double      *values,
                                                     guint              n_values);
guint              herald_chart_series_get_n_points (HeraldChartSeries *self);
const double      *herald_chart_series_get_xs       (HeraldChartSeries *self);
const double      *herald_chart_series_get_ys       (HeraldChartSeries *self);

G_END_DECLS
