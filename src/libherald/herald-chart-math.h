/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HeraldAxisTicks:
 * @min: the first tick, at or below the data's minimum
 * @max: the last tick, at or above the data's maximum
 * @step: the distance between ticks: 1, 2 or 5 × 10^k
 * @n_ticks: how many ticks there are, @min and @max included
 * @decimals: how many decimals the labels need
 *
 * A "nice" axis from herald_chart_nice_ticks().  Read the tick values
 * with herald_axis_ticks_get_value(), which computes them without
 * accumulating rounding errors.
 */
typedef struct
{
  double  min;
  double  max;
  double  step;
  guint   n_ticks;
  guint   decimals;

  /*< private >*/
  gint64  first_index;
  guint   mantissa;
  int     exponent;
} HeraldAxisTicks;

/**
 * HeraldDateUnit:
 * @HERALD_DATE_UNIT_DAY: ticks every n days
 * @HERALD_DATE_UNIT_WEEK: ticks on Mondays, every n weeks
 * @HERALD_DATE_UNIT_MONTH: ticks on the first of every n-th month
 * @HERALD_DATE_UNIT_YEAR: ticks on the first of January, every n years
 *
 * The unit of date ticks.
 */
typedef enum
{
  HERALD_DATE_UNIT_DAY,
  HERALD_DATE_UNIT_WEEK,
  HERALD_DATE_UNIT_MONTH,
  HERALD_DATE_UNIT_YEAR,
} HeraldDateUnit;

/**
 * HeraldFunnelStep:
 * @count: the step's count
 * @step_rate: @count divided by the previous step's count
 * @has_step_rate: whether @step_rate has a value (a previous step with a
 *   count above zero); a rate without a denominator is "—", not 0
 * @total_rate: @count divided by the first step's count
 * @has_total_rate: whether @total_rate has a value
 *
 * One step of a funnel, from herald_chart_funnel().
 */
typedef struct
{
  guint64  count;
  double   step_rate;
  gboolean has_step_rate;
  double   total_rate;
  gboolean has_total_rate;
} HeraldFunnelStep;

double   herald_chart_nice_number        (double                 x,
                                          gboolean               round);
gboolean herald_chart_nice_ticks         (double                 data_min,
                                          double                 data_max,
                                          guint                  max_ticks,
                                          gboolean               integer_only,
                                          HeraldAxisTicks       *ticks);
double   herald_axis_ticks_get_value     (const HeraldAxisTicks *ticks,
                                          guint                  i);
char    *herald_axis_ticks_format        (const HeraldAxisTicks *ticks,
                                          guint                  i);
GArray  *herald_chart_date_ticks         (guint32                first_julian,
                                          guint32                last_julian,
                                          guint                  max_ticks,
                                          HeraldDateUnit        *unit,
                                          guint                 *step);
char    *herald_chart_format_date_tick   (guint32                julian,
                                          HeraldDateUnit         unit);
char    *herald_chart_format_day         (guint32                julian);
gboolean herald_chart_extent             (const double          *values,
                                          guint                  n_values,
                                          double                *min,
                                          double                *max);
void     herald_chart_normalize          (const double          *values,
                                          guint                  n_values,
                                          double                 axis_min,
                                          double                 axis_max,
                                          float                 *normalized);
guint    herald_chart_nearest_index      (const double          *xs,
                                          guint                  n_xs,
                                          double                 x);
void     herald_chart_funnel             (const guint64         *counts,
                                          guint                  n_counts,
                                          HeraldFunnelStep      *steps);

G_END_DECLS
