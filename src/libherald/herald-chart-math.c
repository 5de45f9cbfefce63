/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-chart-math.c: the maths of charts, kept apart from drawing so
 * that it can be tested without a display: nice axis ticks (Heckbert,
 * "Nice numbers for graph labels", Graphics Gems, 1990), date ticks,
 * normalisation to 0..1, hit testing and funnel rates. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "herald-chart-math.h"
#include "herald-format.h"

/* Below this relative width a range is treated as a single value:
 * otherwise tick indices would exceed the 53 bits of a double. */
#define RELATIVE_EPSILON 1e-12

/**
 * herald_chart_nice_number:
 * @x: a positive number
 * @round: whether to round to the nearest nice number rather than up
 *
 * Heckbert's nice number: 1, 2, 5 or 10 times a power of ten.
 *
 * Returns: the nice number near @x.
 */
double
herald_chart_nice_number (double   x,
                          gboolean round)
{
  double exponent, fraction, nice;

  if (!(x > 0) || !isfinite (x))
    return 1;

  exponent = floor (log10 (x));
  fraction = x / pow (10, exponent);
  if (round)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;

  return nice * pow (10, exponent);
}

/* k × mantissa × 10^exponent, computed so that the result is the double
 * nearest to the decimal number: an integer product, then one
 * multiplication or division by a power of ten, which is exact up to
 * 10^22; beyond that the C library's correctly rounded strtod does it. */
static double
scaled_value (gint64 k,
              guint  mantissa,
              int    exponent)
{
  double n = (double) k * (double) mantissa;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (exponent >= 0 && exponent <= 22)
    return n * pow (10, exponent);
  if (exponent < 0 && exponent >= -22)
    return n / pow (10, -exponent);

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT "e%d", k * (gint64) mantissa, exponent);
  return g_ascii_strtod (buf, NULL);
}

static void
ticks_for_step (double           lo,
                double           hi,
                double           step,
                HeraldAxisTicks *ticks)
{
  int exponent = (int) floor (log10 (step) + 1e-9);
  double mantissa = step / pow (10, exponent);
  gint64 first, last;

  ticks->mantissa = mantissa < 1.5 ? 1 : mantissa < 3 ? 2 : mantissa < 7 ? 5 : 10;
  if (ticks->mantissa == 10)
    {
      ticks->mantissa = 1;
      exponent++;
    }
  ticks->exponent = exponent;
  ticks->step = scaled_value (1, ticks->mantissa, exponent);

  /* A small tolerance so that 0.3 / 0.1 = 2.9999999999999996 still
   * counts as 3. */
  first = (gint64) floor (lo / ticks->step + 1e-9);
  last = (gint64) ceil (hi / ticks->step - 1e-9);
  if (last <= first)
    last = first + 1;

  ticks->first_index = first;
  ticks->n_ticks = (guint) (last - first + 1);
  ticks->min = scaled_value (first, ticks->mantissa, exponent);
  ticks->max = scaled_value (last, ticks->mantissa, exponent);
  ticks->decimals = exponent < 0 ? (guint) -exponent : 0;
}

/**
 * herald_chart_nice_ticks:
 * @data_min: the smallest value to show
 * @data_max: the largest value to show
 * @max_ticks: at most this many ticks; taken as at least 3, because
 *   two ticks a nice step apart cannot cover a range that crosses zero
 * @integer_only: whether the axis counts things, so that steps are whole
 * @ticks: (out): the axis
 *
 * Chooses an axis that covers [@data_min, @data_max] with at most
 * @max_ticks ticks spaced 1, 2 or 5 × 10^k apart (Heckbert's loose
 * labelling, retried with fewer ticks when rounding outwards needs more
 * than allowed).  A single value gets a range around it; a range of
 * counts never gets fractional steps.
 *
 * Returns: whether the input was finite; if not, @ticks is the axis 0..1.
 */
gboolean
herald_chart_nice_ticks (double           data_min,
                         double           data_max,
                         guint            max_ticks,
                         gboolean         integer_only,
                         HeraldAxisTicks *ticks)
{
  gboolean finite = isfinite (data_min) && isfinite (data_max);
  double lo, hi;

  g_return_val_if_fail (ticks != NULL, FALSE);

  max_ticks = MAX (max_ticks, 3);
  if (!finite)
    {
      data_min = 0;
      data_max = 1;
    }

  lo = MIN (data_min, data_max);
  hi = MAX (data_min, data_max);

  if (hi - lo <= MAX (fabs (lo), fabs (hi)) * RELATIVE_EPSILON)
    {
      double delta = fabs (hi) > 0 ? fabs (hi) * 0.1 : 1;

      if (integer_only)
        delta = MAX (delta, 1);
      /* Keep an axis of counts or rates that sits at zero from going
       * negative. */
      lo = lo >= 0 && lo - delta < 0 ? 0 : lo - delta;
      hi = hi + delta;
    }

  for (guint target = max_ticks; ; target--)
    {
      double range = herald_chart_nice_number (hi - lo, FALSE);
      double step = herald_chart_nice_number (range / (target - 1), TRUE);

      if (integer_only && step < 1)
        step = 1;

      ticks_for_step (lo, hi, step, ticks);
      if (ticks->n_ticks <= max_ticks)
        break;
      if (target == 2)
        {
          /* Rounding outwards still needs too many ticks: take the next
           * nice step up until they fit; at worst −s, 0, s does. */
          while (ticks->n_ticks > max_ticks)
            ticks_for_step (lo, hi, herald_chart_nice_number (ticks->step * 1.01, FALSE), ticks);
          break;
        }
    }

  return finite;
}

/**
 * herald_axis_ticks_get_value:
 * @ticks: an axis
 * @i: a tick's index, below @ticks->n_ticks
 *
 * Returns: the value of tick @i, exact to the decimal (0.3, not
 *   0.30000000000000004).
 */
double
herald_axis_ticks_get_value (const HeraldAxisTicks *ticks,
                             guint                  i)
{
  g_return_val_if_fail (ticks != NULL, 0);

  return scaled_value (ticks->first_index + (gint64) i, ticks->mantissa, ticks->exponent);
}

/**
 * herald_axis_ticks_format:
 * @ticks: an axis
 * @i: a tick's index
 *
 * Returns: (transfer full): the label of tick @i, formatted for the
 *   locale with just the decimals the step needs.
 */
char *
herald_axis_ticks_format (const HeraldAxisTicks *ticks,
                          guint                  i)
{
  g_return_val_if_fail (ticks != NULL, NULL);

  return herald_format_decimal (herald_axis_ticks_get_value (ticks, i), ticks->decimals);
}

static guint32
first_date_tick (guint32        first,
                 HeraldDateUnit unit,
                 guint          step)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);

  switch (unit)
    {
    case HERALD_DATE_UNIT_DAY:
      /* Align to the Julian day so that ticks stay put when the range
       * moves by a day. */
      return first + (step - first % step) % step;

    case HERALD_DATE_UNIT_WEEK:
      {
        guint32 monday = first + (8 - g_date_get_weekday (&date)) % 7;

        /* Julian day 1 (1 January of year 1) is a Monday. */
        while (((monday - 1) / 7) % step != 0)
          monday += 7;
        return monday;
      }

    case HERALD_DATE_UNIT_MONTH:
    case HERALD_DATE_UNIT_YEAR:
      {
        guint months = unit == HERALD_DATE_UNIT_YEAR ? 12 * step : step;

        if (g_date_get_day (&date) != 1)
          {
            g_date_set_day (&date, 1);
            g_date_add_months (&date, 1);
          }
        while (((g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1) % months) != 0)
          g_date_add_months (&date, 1);
        return g_date_get_julian (&date);
      }

    default:
      g_assert_not_reached ();
    }
}

static guint32
next_date_tick (guint32        tick,
                HeraldDateUnit unit,
                guint          step)
{
  GDate date;

  switch (unit)
    {
    case HERALD_DATE_UNIT_DAY:
      return tick + step;
    case HERALD_DATE_UNIT_WEEK:
      return tick + 7 * step;
    case HERALD_DATE_UNIT_MONTH:
    case HERALD_DATE_UNIT_YEAR:
      g_date_clear (&date, 1);
      g_date_set_julian (&date, tick);
      g_date_add_months (&date, unit == HERALD_DATE_UNIT_YEAR ? 12 * step : step);
      return g_date_get_julian (&date);
    default:
      g_assert_not_reached ();
    }
}

static GArray *
collect_date_ticks (guint32        first,
                    guint32        last,
                    HeraldDateUnit unit,
                    guint          step,
                    guint          limit)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 t = first_date_tick (first, unit, step);
       t <= last && ticks->len <= limit;
       t = next_date_tick (t, unit, step))
    g_array_append_val (ticks, t);

  return ticks;
}

/**
 * herald_chart_date_ticks:
 * @first_julian: the first day shown, as a #GDate Julian day
 * @last_julian: the last day shown
 * @max_ticks: at most this many ticks (at least 1)
 * @unit: (out) (optional): the unit chosen
 * @step: (out) (optional): how many units lie between ticks
 *
 * Chooses calendar ticks for a range of days: every day or second day,
 * Mondays, every second Monday, the first of every month, quarter or
 * half year, or New Year's Day every 1, 2, 5, 10… years; the finest
 * that fits in @max_ticks.
 *
 * Returns: (transfer full) (element-type guint32): the Julian days of the
 *   ticks, all within the range.
 */
GArray *
herald_chart_date_ticks (guint32         first_julian,
                         guint32         last_julian,
                         guint           max_ticks,
                         HeraldDateUnit *unit,
                         guint          *step)
{
  static const struct { HeraldDateUnit unit; guint step; } candidates[] = {
    { HERALD_DATE_UNIT_DAY, 1 },
    { HERALD_DATE_UNIT_DAY, 2 },
    { HERALD_DATE_UNIT_WEEK, 1 },
    { HERALD_DATE_UNIT_WEEK, 2 },
    { HERALD_DATE_UNIT_MONTH, 1 },
    { HERALD_DATE_UNIT_MONTH, 2 },
    { HERALD_DATE_UNIT_MONTH, 3 },
    { HERALD_DATE_UNIT_MONTH, 6 },
  };
  guint years;

  g_return_val_if_fail (g_date_valid_julian (first_julian), NULL);
  g_return_val_if_fail (g_date_valid_julian (last_julian), NULL);

  max_ticks = MAX (max_ticks, 1);
  if (last_julian < first_julian)
    {
      guint32 tmp = first_julian;

      first_julian = last_julian;
      last_julian = tmp;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      GArray *ticks = collect_date_ticks (first_julian, last_julian,
                                          candidates[i].unit, candidates[i].step, max_ticks);

      if (ticks->len <= max_ticks)
        {
          if (unit != NULL)
            *unit = candidates[i].unit;
          if (step != NULL)
            *step = candidates[i].step;
          return ticks;
        }
      g_array_unref (ticks);
    }

  years = (guint) herald_chart_nice_number ((last_julian - first_julian) / 365.25 / max_ticks, FALSE);
  for (years = MAX (years, 1); ; years = (guint) herald_chart_nice_number (years * 1.01, FALSE))
    {
      GArray *ticks = collect_date_ticks (first_julian, last_julian,
                                          HERALD_DATE_UNIT_YEAR, years, max_ticks);

      if (ticks->len <= max_ticks)
        {
          if (unit != NULL)
            *unit = HERALD_DATE_UNIT_YEAR;
          if (step != NULL)
            *step = years;
          return ticks;
        }
      g_array_unref (ticks);
    }
}

static char *
format_julian (guint32     julian,
               const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;
  char *text;

  g_return_val_if_fail (g_date_valid_julian (julian), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  text = g_date_time_format (dt, format);

  return g_strstrip (text);
}

/**
 * herald_chart_format_date_tick:
 * @julian: a #GDate Julian day
 * @unit: the unit of the ticks
 *
 * Returns: (transfer full): a short label for a date tick in the
 *   locale: "5 Mar" for days and weeks, "Mar 2026" for months, "2026"
 *   for years.
 */
char *
herald_chart_format_date_tick (guint32        julian,
                               HeraldDateUnit unit)
{
  switch (unit)
    {
    case HERALD_DATE_UNIT_DAY:
    case HERALD_DATE_UNIT_WEEK:
      /* Translators: a day on a chart's time axis, in g_date_time_format()
       * notation; "%-e %b" gives "5 Mar". German: "%-e. %b". */
      return format_julian (julian, C_("chart day tick", "%-e %b"));
    case HERALD_DATE_UNIT_MONTH:
      /* Translators: a month on a chart's time axis, g_date_time_format()
       * notation; "%b %Y" gives "Mar 2026". */
      return format_julian (julian, C_("chart month tick", "%b %Y"));
    case HERALD_DATE_UNIT_YEAR:
      return format_julian (julian, "%Y");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_chart_format_day:
 * @julian: a #GDate Julian day
 *
 * Returns: (transfer full): the day in the locale's full date form, as a
 *   chart's tooltip and table show it.
 */
char *
herald_chart_format_day (guint32 julian)
{
  /* Translators: a day in a chart's tooltip and table, in
   * g_date_time_format() notation: "Wed, 4 Mar 2026".  German:
   * "%a, %-e. %b %Y". */
  return format_julian (julian, C_("chart day", "%a, %-e %b %Y"));
}

/**
 * herald_chart_extent:
 * @values: (array length=n_values): numbers; NaN marks a missing value
 * @n_values: how many there are
 * @min: (out): the smallest finite value
 * @max: (out): the largest finite value
 *
 * Returns: whether @values has any finite value; if not, @min and @max
 *   are 0.
 */
gboolean
herald_chart_extent (const double *values,
                     guint         n_values,
                     double       *min,
                     double       *max)
{
  gboolean found = FALSE;

  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);
  g_return_val_if_fail (min != NULL && max != NULL, FALSE);

  *min = 0;
  *max = 0;
  for (guint i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;
      if (!found || values[i] < *min)
        *min = values[i];
      if (!found || values[i] > *max)
        *max = values[i];
      found = TRUE;
    }

  return found;
}

/**
 * herald_chart_normalize:
 * @values: (array length=n_values): numbers; NaN marks a missing value
 * @n_values: how many there are
 * @axis_min: the value at 0
 * @axis_max: the value at 1
 * @normalized: (out caller-allocates) (array length=n_values): the
 *   values mapped linearly to 0..1; missing values stay NaN and values
 *   outside the axis fall outside 0..1
 *
 * Normalising once when data or axes change lets snapshot() only scale
 * by the widget's size.  A degenerate axis puts everything at 0.5.
 */
void
herald_chart_normalize (const double *values,
                        guint         n_values,
                        double        axis_min,
                        double        axis_max,
                        float        *normalized)
{
  double range = axis_max - axis_min;

  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (normalized != NULL || n_values == 0);

  for (guint i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        normalized[i] = NAN;
      else if (!(fabs (range) > 0) || !isfinite (range))
        normalized[i] = 0.5f;
      else
        normalized[i] = (float) ((values[i] - axis_min) / range);
    }
}

/**
 * herald_chart_nearest_index:
 * @xs: (array length=n_xs): x values in ascending order
 * @n_xs: how many there are
 * @x: the x value under the pointer
 *
 * Finds the point nearest to @x by bisection; of two at the same
 * distance, the earlier.
 *
 * Returns: its index, or %G_MAXUINT when @n_xs is 0 or @x is NaN.
 */
guint
herald_chart_nearest_index (const double *xs,
                            guint         n_xs,
                            double        x)
{
  guint lo = 0, hi;

  g_return_val_if_fail (xs != NULL || n_xs == 0, G_MAXUINT);

  if (n_xs == 0 || isnan (x))
    return G_MAXUINT;

  /* The first index with xs[i] >= x. */
  hi = n_xs;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (xs[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return 0;
  if (lo == n_xs)
    return n_xs - 1;
  return x - xs[lo - 1] <= xs[lo] - x ? lo - 1 : lo;
}

/**
 * herald_chart_funnel:
 * @counts: (array length=n_counts): the count of each step, such as
 *   audience, sent, delivered, opened, clicked, converted
 * @n_counts: how many steps there are
 * @steps: (out caller-allocates) (array length=n_counts): each step's
 *   count with its rate from the previous step and from the first
 *
 * A rate whose denominator is zero has no value (its has_ flag is
 * %FALSE and the rate 0): the UI shows "—", never 0 %.
 */
void
herald_chart_funnel (const guint64    *counts,
                     guint             n_counts,
                     HeraldFunnelStep *steps)
{
  g_return_if_fail (counts != NULL || n_counts == 0);
  g_return_if_fail (steps != NULL || n_counts == 0);

  for (guint i = 0; i < n_counts; i++)
    {
      HeraldFunnelStep *s = &steps[i];

      s->count = counts[i];
      s->has_step_rate = i > 0 && counts[i - 1] > 0;
      s->step_rate = s->has_step_rate ? (double) counts[i] / (double) counts[i - 1] : 0;
      s->has_total_rate = counts[0] > 0;
      s->total_rate = s->has_total_rate ? (double) counts[i] / (double) counts[0] : 0;
    }
}
