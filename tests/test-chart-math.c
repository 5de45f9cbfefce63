/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-math.c: nice ticks over many ranges, date ticks,
 * normalisation, hit testing and funnel rates. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "herald.h"

static gboolean
is_nice_step (double step)
{
  double exponent = floor (log10 (step) + 1e-9);
  double mantissa = step / pow (10, exponent);

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

/* The number of decimals "%.15g" needs for @value: float garbage such
 * as 0.30000000000000004 shows up as 15 or more. */
static guint
printed_decimals (double value)
{
  char buf[64];
  const char *point;

  g_snprintf (buf, sizeof buf, "%.15g", value);
  if (strchr (buf, 'e') != NULL)
    {
      /* Exponent notation: count mantissa decimals minus the exponent. */
      int e = atoi (strchr (buf, 'e') + 1);
      point = strchr (buf, '.');
      return (guint) MAX (0, (point != NULL ? (int) (strchr (buf, 'e') - point - 1) : 0) - e);
    }
  point = strchr (buf, '.');
  return point != NULL ? (guint) strlen (point + 1) : 0;
}

static void
check_axis (double   lo,
            double   hi,
            guint    max_ticks,
            gboolean integer_only)
{
  HeraldAxisTicks t;

  g_assert_true (herald_chart_nice_ticks (lo, hi, max_ticks, integer_only, &t));

  g_assert_cmpuint (t.n_ticks, >=, 2);
  g_assert_cmpuint (t.n_ticks, <=, MAX (max_ticks, 3));
  g_assert_cmpfloat (t.min, <=, MIN (lo, hi));
  g_assert_cmpfloat (t.max, >=, MAX (lo, hi));
  g_assert_true (is_nice_step (t.step));
  if (integer_only)
    {
      g_assert_cmpfloat (t.step, >=, 1);
      g_assert_cmpfloat (t.step, ==, floor (t.step));
    }
  /* Ticks are evenly spaced, start at min and end at max. */
  g_assert_cmpfloat (herald_axis_ticks_get_value (&t, 0), ==, t.min);
  g_assert_cmpfloat (herald_axis_ticks_get_value (&t, t.n_ticks - 1), ==, t.max);
  /* Loose labelling wastes at most one step at each end, unless the
   * range is a single value (relatively) and was widened on purpose. */
  if (fabs (hi - lo) > MAX (fabs (lo), fabs (hi)) * 1e-12)
    {
      g_assert_cmpfloat (MIN (lo, hi) - t.min, <, t.step * (1 + 1e-9));
      g_assert_cmpfloat (t.max - MAX (lo, hi), <, t.step * (1 + 1e-9));
    }

  for (guint i = 0; i < t.n_ticks; i++)
    {
      double v = herald_axis_ticks_get_value (&t, i);
      g_autofree char *label = herald_axis_ticks_format (&t, i);

      if (i > 0)
        g_assert_cmpfloat_with_epsilon (v - herald_axis_ticks_get_value (&t, i - 1), t.step,
                                        t.step * 1e-6);
      /* No float garbage in the value itself… */
      if (fabs (v) > 1e-300 && fabs (v) < 1e15)
        g_assert_cmpuint (printed_decimals (v), <=, t.decimals);
      /* …and the label, with just the step's decimals, parses back to
       * exactly the same double: the value is the decimal number. */
      {
        /* Negative labels have a real minus sign (U+2212). */
        gboolean minus = g_str_has_prefix (label, "−");
        double parsed = g_ascii_strtod (label + (minus ? strlen ("−") : 0), NULL);

        g_assert_cmpfloat (minus ? -parsed : parsed, ==, v);
        g_assert_true (minus == (v < 0));
        g_assert_cmpint (label[0], !=, '-');
      }
    }
}

static void
test_ticks_examples (void)
{
  HeraldAxisTicks t;
  g_autofree char *label = NULL;

  /* Heckbert's own example: 0..1 with about 5 ticks → 0, 0.2, …, 1. */
  herald_chart_nice_ticks (0, 1, 6, FALSE, &t);
  g_assert_cmpfloat (t.step, ==, 0.2);
  g_assert_cmpuint (t.n_ticks, ==, 6);
  g_assert_cmpuint (t.decimals, ==, 1);

  /* 0.1..0.3 in steps of 0.05 or 0.1; no 0.30000000000000004. */
  herald_chart_nice_ticks (0.1, 0.3, 3, FALSE, &t);
  g_assert_cmpfloat (t.step, ==, 0.1);
  g_assert_cmpfloat (t.min, ==, 0.1);
  g_assert_cmpfloat (t.max, ==, 0.3);
  label = herald_axis_ticks_format (&t, t.n_ticks - 1);
  g_assert_cmpstr (label, ==, "0.3");
  g_clear_pointer (&label, g_free);

  /* Counts 0..7 never get 0.5 steps, even with room for 10 ticks. */
  herald_chart_nice_ticks (0, 7, 10, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 1);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 7);
  g_assert_cmpuint (t.decimals, ==, 0);

  /* min == max. */
  herald_chart_nice_ticks (0, 0, 5, TRUE, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, >=, 1);
  herald_chart_nice_ticks (42, 42, 5, FALSE, &t);
  g_assert_cmpfloat (t.min, <, 42);
  g_assert_cmpfloat (t.max, >, 42);
  herald_chart_nice_ticks (-3, -3, 5, FALSE, &t);
  g_assert_cmpfloat (t.min, <, -3);
  g_assert_cmpfloat (t.max, >, -3);

  /* Negatives around zero include zero as a tick. */
  herald_chart_nice_ticks (-37, 112, 6, FALSE, &t);
  g_assert_cmpfloat (t.min, ==, -50);
  g_assert_cmpfloat (t.max, ==, 150);
  g_assert_cmpfloat (t.step, ==, 50);

  /* Reversed input is accepted. */
  herald_chart_nice_ticks (10, 0, 6, FALSE, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 10);

  /* Not finite: an honest FALSE and a usable axis. */
  g_assert_false (herald_chart_nice_ticks (NAN, 1, 5, FALSE, &t));
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 1);
  g_assert_false (herald_chart_nice_ticks (0, INFINITY, 5, FALSE, &t));

  /* Large counts are labelled with the locale's grouping (none in C). */
  herald_chart_nice_ticks (0, 1234567, 5, TRUE, &t);
  label = herald_axis_ticks_format (&t, t.n_ticks - 1);
  g_assert_cmpstr (label, ==, "1500000");
}

static void
test_ticks_many_ranges (void)
{
  GRand *rand = g_rand_new_with_seed (20261125);
  guint n = 0;

  /* Fixed awkward cases. */
  static const double fixed[][2] = {
    { 0, 1 }, { 0, 0.3 }, { 0.1, 0.7 }, { -1, 1 }, { -0.003, 0.0071 },
    { 1e-9, 3e-9 }, { 1e-300, 5e-300 }, { 0, 1e300 }, { -1e300, 1e300 },
    { 123456789, 123456790 }, { 1e15, 1e15 + 10 }, { 0.999, 1.001 },
    { 99, 101 }, { -1e-7, 0 }, { 5, 5 }, { 0, 365 }, { 17, 23 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    for (guint ticks = 2; ticks <= 12; ticks++)
      {
        check_axis (fixed[i][0], fixed[i][1], ticks, FALSE);
        if (fabs (fixed[i][1] - fixed[i][0]) >= 1 && fabs (fixed[i][1]) < 1e15)
          check_axis (fixed[i][0], fixed[i][1], ticks, TRUE);
        n++;
      }

  /* Random ranges over 30 orders of magnitude, both signs. */
  for (guint i = 0; i < 20000; i++)
    {
      double scale = pow (10, g_rand_double_range (rand, -15, 15));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = a + g_rand_double_range (rand, 0, 2) * scale;
      guint ticks = (guint) g_rand_int_range (rand, 2, 13);

      check_axis (a, b, ticks, FALSE);
      n++;
    }

  /* Random counts. */
  for (guint i = 0; i < 5000; i++)
    {
      double hi = floor (pow (10, g_rand_double_range (rand, 0, 9)));
      double lo = g_rand_boolean (rand) ? 0 : floor (hi * g_rand_double (rand));

      check_axis (lo, hi, (guint) g_rand_int_range (rand, 2, 13), TRUE);
      n++;
    }

  g_test_message ("%u axes checked", n);
  g_rand_free (rand);
}

static guint32
julian (int        year,
        GDateMonth month,
        int        day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
check_date_ticks (guint32 first,
                  guint32 last,
                  guint   max_ticks)
{
  HeraldDateUnit unit;
  guint step;
  g_autoptr(GArray) ticks = herald_chart_date_ticks (first, last, max_ticks, &unit, &step);

  g_assert_cmpuint (ticks->len, <=, max_ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      guint32 t = g_array_index (ticks, guint32, i);
      GDate date;

      g_assert_cmpuint (t, >=, first);
      g_assert_cmpuint (t, <=, last);
      if (i > 0)
        g_assert_cmpuint (t, >, g_array_index (ticks, guint32, i - 1));
      g_date_clear (&date, 1);
      g_date_set_julian (&date, t);
      switch (unit)
        {
        case HERALD_DATE_UNIT_WEEK:
          g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
          break;
        case HERALD_DATE_UNIT_MONTH:
          g_assert_cmpint (g_date_get_day (&date), ==, 1);
          g_assert_cmpint ((g_date_get_month (&date) - 1) % step, ==, 0);
          break;
        case HERALD_DATE_UNIT_YEAR:
          g_assert_cmpint (g_date_get_day (&date), ==, 1);
          g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_JANUARY);
          break;
        case HERALD_DATE_UNIT_DAY:
        default:
          break;
        }
    }
}

static void
test_date_ticks (void)
{
  guint32 start = julian (2026, G_DATE_JANUARY, 1);
  HeraldDateUnit unit;
  guint step;
  g_autoptr(GArray) week = herald_chart_date_ticks (start, start + 6, 7, &unit, &step);
  g_autoptr(GArray) month = NULL;
  g_autoptr(GArray) year = NULL;
  g_autoptr(GArray) decades = NULL;
  g_autofree char *label = NULL;

  /* A week with room for seven labels: every day. */
  g_assert_cmpint (unit, ==, HERALD_DATE_UNIT_DAY);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (week->len, ==, 7);

  /* 90 days with room for six: months (1 Jan, 1 Feb, 1 Mar). */
  month = herald_chart_date_ticks (start, start + 89, 6, &unit, &step);
  g_assert_cmpint (unit, ==, HERALD_DATE_UNIT_MONTH);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (month->len, ==, 3);
  g_assert_cmpuint (g_array_index (month, guint32, 1), ==, julian (2026, G_DATE_FEBRUARY, 1));

  /* A year with room for five: quarters. */
  year = herald_chart_date_ticks (start, start + 364, 5, &unit, &step);
  g_assert_cmpint (unit, ==, HERALD_DATE_UNIT_MONTH);
  g_assert_cmpuint (step, ==, 3);
  g_assert_cmpuint (year->len, ==, 4);

  /* Decades of data. */
  decades = herald_chart_date_ticks (julian (1990, G_DATE_MAY, 3), start, 4, &unit, &step);
  g_assert_cmpint (unit, ==, HERALD_DATE_UNIT_YEAR);
  g_assert_cmpuint (step, ==, 10);
  g_assert_cmpuint (decades->len, ==, 3);

  label = herald_chart_format_date_tick (julian (2026, G_DATE_MARCH, 5), HERALD_DATE_UNIT_DAY);
  g_assert_cmpstr (label, ==, "5 Mar");
  g_clear_pointer (&label, g_free);
  label = herald_chart_format_date_tick (julian (2026, G_DATE_MARCH, 1), HERALD_DATE_UNIT_MONTH);
  g_assert_cmpstr (label, ==, "Mar 2026");
  g_clear_pointer (&label, g_free);
  label = herald_chart_format_day (julian (2026, G_DATE_MARCH, 4));
  g_assert_cmpstr (label, ==, "Wed, 4 Mar 2026");

  for (guint span = 0; span < 4000; span += 37)
    for (guint ticks = 1; ticks <= 12; ticks++)
      check_date_ticks (start - span / 3, start + span, ticks);
}

static void
test_normalize (void)
{
  const double values[] = { 0, 50, 100, NAN, 150, -50 };
  float out[G_N_ELEMENTS (values)];
  double min, max;

  herald_chart_normalize (values, G_N_ELEMENTS (values), 0, 100, out);
  g_assert_cmpfloat (out[0], ==, 0);
  g_assert_cmpfloat (out[1], ==, 0.5);
  g_assert_cmpfloat (out[2], ==, 1);
  g_assert_true (isnan (out[3]));
  g_assert_cmpfloat (out[4], ==, 1.5);
  g_assert_cmpfloat (out[5], ==, -0.5);

  /* A degenerate axis puts everything in the middle, never NaN. */
  herald_chart_normalize (values, 3, 7, 7, out);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (out[i], ==, 0.5);

  g_assert_true (herald_chart_extent (values, G_N_ELEMENTS (values), &min, &max));
  g_assert_cmpfloat (min, ==, -50);
  g_assert_cmpfloat (max, ==, 150);
  g_assert_false (herald_chart_extent (values + 3, 1, &min, &max));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_false (herald_chart_extent (NULL, 0, &min, &max));
}

static void
test_nearest (void)
{
  const double xs[] = { 0, 1, 2, 5, 10 };

  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, -100), ==, 0);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 0.49), ==, 0);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 0.5), ==, 0);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 0.51), ==, 1);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 2), ==, 2);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 3.4), ==, 2);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 3.6), ==, 3);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 7.6), ==, 4);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, 1e9), ==, 4);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 1, 1e9), ==, 0);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 0, 1), ==, G_MAXUINT);
  g_assert_cmpuint (herald_chart_nearest_index (xs, 5, NAN), ==, G_MAXUINT);

  /* Against a linear scan on 365 days. */
  {
    double days[365];

    for (guint i = 0; i < 365; i++)
      days[i] = 2461000 + i;
    for (double x = 2460990; x < 2461380; x += 0.37)
      {
        guint best = 0;

        for (guint i = 1; i < 365; i++)
          if (fabs (days[i] - x) < fabs (days[best] - x))
            best = i;
        g_assert_cmpuint (herald_chart_nearest_index (days, 365, x), ==, best);
      }
  }
}

static void
test_funnel (void)
{
  /* audience → sent → delivered → opened → clicked → converted */
  const guint64 counts[] = { 10000, 9800, 9500, 2375, 475, 0 };
  const guint64 empty[] = { 0, 0, 0 };
  const guint64 broken[] = { 100, 0, 0 };
  HeraldFunnelStep steps[6];

  herald_chart_funnel (counts, 6, steps);
  g_assert_false (steps[0].has_step_rate);
  g_assert_true (steps[0].has_total_rate);
  g_assert_cmpfloat (steps[0].total_rate, ==, 1);
  g_assert_cmpfloat_with_epsilon (steps[1].step_rate, 0.98, 1e-12);
  g_assert_cmpfloat_with_epsilon (steps[3].step_rate, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (steps[4].step_rate, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (steps[4].total_rate, 0.0475, 1e-12);
  g_assert_true (steps[5].has_step_rate);
  g_assert_cmpfloat (steps[5].step_rate, ==, 0);
  g_assert_cmpuint (steps[5].count, ==, 0);

  /* Zero denominators give "no value", not 0 % and not NaN. */
  herald_chart_funnel (empty, 3, steps);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (steps[i].has_step_rate);
      g_assert_false (steps[i].has_total_rate);
      g_assert_false (isnan (steps[i].step_rate));
    }
  herald_chart_funnel (broken, 3, steps);
  g_assert_true (steps[1].has_step_rate);
  g_assert_cmpfloat (steps[1].step_rate, ==, 0);
  g_assert_false (steps[2].has_step_rate);
  g_assert_true (steps[2].has_total_rate);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/chart-math/ticks-examples", test_ticks_examples);
  g_test_add_func ("/herald/chart-math/ticks-many-ranges", test_ticks_many_ranges);
  g_test_add_func ("/herald/chart-math/date-ticks", test_date_ticks);
  g_test_add_func ("/herald/chart-math/normalize", test_normalize);
  g_test_add_func ("/herald/chart-math/nearest", test_nearest);
  g_test_add_func ("/herald/chart-math/funnel", test_funnel);

  return g_test_run ();
}
