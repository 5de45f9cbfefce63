/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stats.c: intervals, tests and sample sizes against published
 * worked examples.
 *
 * Published values are given to four decimals, so they are checked with a
 * tolerance of 0.00005 (half a unit in the last published digit).  Values
 * computed by hand are checked to 1e-6. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "herald.h"

#define PUBLISHED_TOLERANCE 0.00005
#define HAND_TOLERANCE 1e-6

static void
test_normal (void)
{
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_cdf (0), 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_cdf (1.959963984540054), 0.975, 1e-12);
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_cdf (-1.644853626951472), 0.05, 1e-12);
  /* Standard table values. */
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_quantile (0.975), 1.959963984540054, 1e-9);
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_quantile (0.8), 0.841621233572914, 1e-9);
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_quantile (0.995), 2.575829303548901, 1e-9);
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_quantile (0.001), -3.090232306167813, 1e-9);
  g_assert_cmpfloat_with_epsilon (herald_stats_normal_quantile (0.5), 0, 1e-12);
  for (double p = 0.0005; p < 1; p += 0.0137)
    g_assert_cmpfloat_with_epsilon (herald_stats_normal_cdf (herald_stats_normal_quantile (p)), p, 1e-12);
  g_assert_false (isnan (herald_stats_normal_quantile (0)));
  g_assert_false (isnan (herald_stats_normal_quantile (1)));
}

/* Newcombe (1998), "Two-sided confidence intervals for the single
 * proportion", Statistics in Medicine 17:857–872, table I, method 3
 * (Wilson score interval without continuity correction). */
static void
test_wilson_newcombe (void)
{
  static const struct { guint64 x, n; double lower, upper; } cases[] = {
    { 81, 263, 0.2553, 0.3662 },
    { 15, 148, 0.0624, 0.1605 },
    { 0, 20, 0.0000, 0.1611 },
    { 1, 29, 0.0061, 0.1718 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double lower, upper;

      herald_stats_wilson_interval (cases[i].x, cases[i].n, 0.95, &lower, &upper);
      g_test_message ("%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT ": %.4f–%.4f",
                      cases[i].x, cases[i].n, lower, upper);
      g_assert_cmpfloat_with_epsilon (lower, cases[i].lower, PUBLISHED_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, cases[i].upper, PUBLISHED_TOLERANCE);
    }
}

static void
test_wilson_edges (void)
{
  double lower, upper;

  /* No trials: nothing known. */
  herald_stats_wilson_interval (0, 0, 0.95, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 1);

  /* 0 % and 100 % keep a width and exact ends. */
  herald_stats_wilson_interval (0, 1000, 0.95, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, >, 0);
  g_assert_cmpfloat (upper, <, 0.01);
  herald_stats_wilson_interval (29, 29, 0.95, &lower, &upper);
  g_assert_cmpfloat_with_epsilon (lower, 0.8830, PUBLISHED_TOLERANCE);
  g_assert_cmpfloat (upper, ==, 1);

  /* Huge counts do not lose the interval. */
  herald_stats_wilson_interval (G_GUINT64_CONSTANT (20000000000), G_GUINT64_CONSTANT (100000000000),
                                0.95, &lower, &upper);
  g_assert_cmpfloat (lower, <, 0.2);
  g_assert_cmpfloat (upper, >, 0.2);
  g_assert_cmpfloat (upper - lower, <, 1e-4);
}

/* Pooled z-test on Newcombe's example (a), 56/70 against 48/80.  Values
 * computed by hand: pooled p = 104/150, SE = sqrt(p(1−p)(1/70 + 1/80)) =
 * 0.0754669, z = 0.2 / SE = 2.6501720, two-sided p = erfc(z/√2) =
 * 0.0080451. */
static void
test_z_test (void)
{
  double z, p;

  g_assert_true (herald_stats_two_proportion_z_test (56, 70, 48, 80, &z, &p));
  g_assert_cmpfloat_with_epsilon (z, 2.6501720, HAND_TOLERANCE);
  g_assert_cmpfloat_with_epsilon (p, 0.0080451, HAND_TOLERANCE);

  /* Symmetric. */
  g_assert_true (herald_stats_two_proportion_z_test (48, 80, 56, 70, &z, &p));
  g_assert_cmpfloat_with_epsilon (z, -2.6501720, HAND_TOLERANCE);
  g_assert_cmpfloat_with_epsilon (p, 0.0080451, HAND_TOLERANCE);

  /* Published worked exercises (homework solutions on the web):
   * 28/254 against 36/301, z = −0.344 and two-sided p = 0.7307
   * (tolerances: half a unit in the last digit given); 140/200 against
   * 255/340, z = −1.266015. */
  g_assert_true (herald_stats_two_proportion_z_test (28, 254, 36, 301, &z, &p));
  g_assert_cmpfloat_with_epsilon (z, -0.344, 0.0005);
  g_assert_cmpfloat_with_epsilon (p, 0.7307, PUBLISHED_TOLERANCE);
  g_assert_true (herald_stats_two_proportion_z_test (140, 200, 255, 340, &z, &p));
  g_assert_cmpfloat_with_epsilon (z, -1.266015, 0.0000005);

  /* Equal rates: z = 0, p = 1. */
  g_assert_true (herald_stats_two_proportion_z_test (10, 100, 20, 200, &z, &p));
  g_assert_cmpfloat_with_epsilon (z, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (p, 1, 1e-12);

  /* Undefined tests give "no evidence", never NaN. */
  g_assert_false (herald_stats_two_proportion_z_test (0, 0, 5, 10, &z, &p));
  g_assert_cmpfloat (z, ==, 0);
  g_assert_cmpfloat (p, ==, 1);
  g_assert_false (herald_stats_two_proportion_z_test (0, 50, 0, 80, &z, &p));
  g_assert_cmpfloat (p, ==, 1);
  g_assert_false (herald_stats_two_proportion_z_test (50, 50, 80, 80, &z, &p));
  g_assert_cmpfloat (p, ==, 1);
}

/* Newcombe (1998), "Interval estimation for the difference between
 * independent proportions", Statistics in Medicine 17:873–890, table II,
 * method 10 (score interval from Wilson intervals), examples (a)–(f). */
static void
test_difference_newcombe (void)
{
  static const struct { guint64 x1, n1, x2, n2; double lower, upper; } cases[] = {
    { 56, 70, 48, 80, 0.0524, 0.3339 },
    { 9, 10, 3, 10, 0.1705, 0.8090 },
    { 6, 7, 2, 7, 0.0582, 0.8062 },
    { 5, 56, 0, 29, -0.0381, 0.1926 },
    { 0, 10, 0, 20, -0.1611, 0.2775 },
    { 10, 10, 0, 20, 0.6791, 1.0000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double d, lower, upper;

      g_assert_true (herald_stats_difference_interval (cases[i].x1, cases[i].n1,
                                                       cases[i].x2, cases[i].n2,
                                                       0.95, &d, &lower, &upper));
      g_assert_cmpfloat_with_epsilon (d, (double) cases[i].x1 / cases[i].n1 -
                                         (double) cases[i].x2 / cases[i].n2, 1e-12);
      g_assert_cmpfloat_with_epsilon (lower, cases[i].lower, PUBLISHED_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, cases[i].upper, PUBLISHED_TOLERANCE);
    }

  {
    double d, lower, upper;

    g_assert_false (herald_stats_difference_interval (0, 0, 3, 10, 0.95, &d, &lower, &upper));
    g_assert_cmpfloat (d, ==, 0);
    g_assert_cmpfloat (lower, ==, -1);
    g_assert_cmpfloat (upper, ==, 1);
  }
}

/* Sample size for p1 = 0.20, p2 = 0.23, α = 0.05 two-sided, power 0.8,
 * by hand: z = 1.959964, zβ = 0.841621, p̄ = 0.215,
 * (1.959964·√(2·0.215·0.785) + 0.841621·√(0.16 + 0.1771))² / 0.03²
 * = (1.138720 + 0.488648)² / 0.0009 = 2942.587 → 2943 per group. */
static void
test_sample_size (void)
{
  double d;

  g_assert_cmpfloat_with_epsilon (herald_stats_sample_size_exact (0.20, 0.23, 0.05, 0.8),
                                  2942.5867, 0.001);
  g_assert_cmpuint (herald_stats_sample_size (0.20, 0.23, 0.05, 0.8), ==, 2943);
  /* Symmetric in p1 and p2. */
  g_assert_cmpuint (herald_stats_sample_size (0.23, 0.20, 0.05, 0.8), ==, 2943);
  /* Hand-computed the same way: 5 % against 6 %, and 10 % against 15 %
   * with 90 % power. */
  g_assert_cmpuint (herald_stats_sample_size (0.05, 0.06, 0.05, 0.8), ==, 8158);
  g_assert_cmpuint (herald_stats_sample_size (0.10, 0.15, 0.05, 0.9), ==, 918);
  g_assert_cmpuint (herald_stats_sample_size (0.1, 0.1, 0.05, 0.8), ==, G_MAXUINT64);
  g_assert_true (isinf (herald_stats_sample_size_exact (0.1, 0.1, 0.05, 0.8)));

  /* Published: Zar, Biostatistical Analysis (4th ed., 1999), Example
   * 24.26, p. 561: p1 = 0.45, p2 = 0.25, α = 0.05 two-sided, power 0.90
   * gives n = 127.2343 per group (as reproduced in Unistat's manual,
   * section 6.7.6.1).  Zar's figure includes the continuity correction of
   * Fleiss, Tytun & Ury (1980), n' = n/4 · (1 + √(1 + 4 / (n·|p1 − p2|)))²,
   * which Herald leaves out; applied to our uncorrected n it must give the
   * published value, to its four decimals (tolerance 0.0001).  Without
   * the correction that is 117.43 → 118 per group. */
  {
    double n = herald_stats_sample_size_exact (0.45, 0.25, 0.05, 0.90);
    double corrected = n / 4 * pow (1 + sqrt (1 + 4 / (n * 0.20)), 2);

    g_assert_cmpfloat_with_epsilon (corrected, 127.2343, 0.0001);
    g_assert_cmpfloat_with_epsilon (n, 117.4307, 0.0001);
    g_assert_cmpuint (herald_stats_sample_size (0.45, 0.25, 0.05, 0.90), ==, 118);
  }

  /* The inverse gives back the difference. */
  g_assert_true (herald_stats_minimum_detectable_difference (2943, 0.20, 0.05, 0.8, &d));
  g_assert_cmpfloat_with_epsilon (d, 0.03, 0.0001);
  g_assert_cmpfloat (herald_stats_sample_size_exact (0.20, 0.20 + d, 0.05, 0.8), <=, 2943 + 1e-6);
  g_assert_true (herald_stats_minimum_detectable_difference (918, 0.10, 0.05, 0.9, &d));
  g_assert_cmpfloat_with_epsilon (d, 0.05, 0.0002);

  /* Too few recipients to detect anything, and the 0 % baseline. */
  g_assert_false (herald_stats_minimum_detectable_difference (0, 0.2, 0.05, 0.8, &d));
  g_assert_false (herald_stats_minimum_detectable_difference (1, 0.5, 0.05, 0.8, &d));
  g_assert_false (isnan (d));
  g_assert_true (herald_stats_minimum_detectable_difference (1000, 0, 0.05, 0.8, &d));
  g_assert_cmpfloat (d, >, 0);
  g_assert_cmpfloat (d, <, 0.05);
}

static void
test_verdict_significant (void)
{
  const HeraldVariantCounts variants[] = {
    { "A", 1000, 100 },
    { "B", 1000, 135 },
  };
  g_autoptr(HeraldVerdict) v = herald_stats_verdict (variants, 2, 0.95);
  double p;

  g_assert_cmpint (v->best, ==, 1);
  g_assert_true (v->variants[1].is_best);
  g_assert_false (v->variants[0].is_best);
  g_assert_true (v->significant);
  herald_stats_two_proportion_z_test (135, 1000, 100, 1000, NULL, &p);
  g_assert_cmpfloat_with_epsilon (v->variants[0].p_value, p, 1e-12);
  g_assert_cmpfloat_with_epsilon (v->confidence, 1 - p, 1e-12);
  g_assert_cmpfloat_with_epsilon (v->variants[0].difference, -0.035, 1e-12);
  g_assert_cmpfloat (v->variants[0].difference_upper, <, 0);
  g_assert_cmpfloat (v->variants[1].p_value, ==, 1);
  g_assert_cmpuint (v->more_needed, ==, 0);
  g_test_message ("%s (p = %g)", v->text, p);
  /* p = 0.0151: 98.49 % confidence, shown rounded down. */
  g_assert_cmpstr (v->text, ==, "B is better with 98 % confidence.");
}

static void
test_verdict_not_yet (void)
{
  const HeraldVariantCounts variants[] = {
    { "A", 500, 100 },
    { "B", 500, 110 },
  };
  g_autoptr(HeraldVerdict) v = herald_stats_verdict (variants, 2, 0.95);
  guint64 needed = herald_stats_sample_size (0.20, 0.22, 0.05, 0.8);

  g_assert_cmpint (v->best, ==, 1);
  g_assert_false (v->significant);
  /* n(0.20, 0.22) = 6509.47 by hand → 6510; 6510 − 500 = 6010, rounded
   * up to two significant digits: 6100. */
  g_assert_cmpuint (needed, ==, 6510);
  g_assert_cmpuint (v->more_needed, ==, 6100);
  g_assert_cmpstr (v->text, ==,
                   "No significant difference yet; about 6100 more recipients per variant are needed.");
}

static void
test_verdict_three (void)
{
  /* C beats A clearly but B only barely: with Bonferroni the verdict
   * must not call C the winner on B's raw p-value. */
  const HeraldVariantCounts variants[] = {
    { "A", 2000, 200 },
    { "B", 2000, 236 },
    { "C", 2000, 245 },
  };
  g_autoptr(HeraldVerdict) v = herald_stats_verdict (variants, 3, 0.95);

  g_assert_cmpint (v->best, ==, 2);
  g_assert_false (v->significant);
  g_assert_cmpfloat (v->variants[0].p_value, <, 0.05);
  g_assert_cmpfloat (v->variants[1].p_value, >, 0.05);
  g_assert_cmpuint (v->more_needed, >, 0);
  g_assert_true (g_str_has_prefix (v->text, "No significant difference yet; about "));
}

static void
test_verdict_edges (void)
{
  const HeraldVariantCounts empty[] = { { "A", 0, 0 }, { "B", 0, 0 } };
  const HeraldVariantCounts one_empty[] = { { "A", 100, 10 }, { "B", 0, 0 } };
  const HeraldVariantCounts same[] = { { "A", 100, 0 }, { "B", 200, 0 } };
  const HeraldVariantCounts all[] = { { "A", 100, 100 }, { "B", 100, 100 } };
  const HeraldVariantCounts single[] = { { "A", 100, 10 } };

  {
    g_autoptr(HeraldVerdict) v = herald_stats_verdict (empty, 2, 0.95);
    g_assert_cmpint (v->best, ==, -1);
    g_assert_false (v->significant);
    g_assert_cmpstr (v->text, ==, "Not enough data yet: every variant needs recipients before they can be compared.");
    for (guint i = 0; i < 2; i++)
      {
        g_assert_false (isnan (v->variants[i].rate));
        g_assert_false (isnan (v->variants[i].lower));
        g_assert_false (isnan (v->variants[i].upper));
      }
  }
  {
    g_autoptr(HeraldVerdict) v = herald_stats_verdict (one_empty, 2, 0.95);
    g_assert_cmpint (v->best, ==, 0);
    g_assert_false (v->significant);
  }
  {
    g_autoptr(HeraldVerdict) v = herald_stats_verdict (same, 2, 0.95);
    g_assert_false (v->significant);
    g_assert_false (isnan (v->confidence));
    g_assert_cmpstr (v->text, ==, "No significant difference yet; the variants perform the same so far.");
  }
  {
    g_autoptr(HeraldVerdict) v = herald_stats_verdict (all, 2, 0.95);
    g_assert_false (v->significant);
    g_assert_false (isnan (v->variants[1].difference_lower));
  }
  {
    g_autoptr(HeraldVerdict) v = herald_stats_verdict (single, 1, 0.95);
    g_assert_false (v->significant);
    g_assert_cmpstr (v->text, ==, "At least two variants are needed for a comparison.");
  }
  {
    g_autoptr(HeraldVerdict) v = herald_stats_verdict (NULL, 0, 0.95);
    g_assert_cmpuint (v->n_variants, ==, 0);
  }
}

static void
test_verdict_german_numbers (void)
{
  const HeraldVariantCounts variants[] = {
    { "A", 500, 100 },
    { "B", 500, 110 },
  };
  g_autoptr(HeraldVerdict) v = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  v = herald_stats_verdict (variants, 2, 0.95);
  setlocale (LC_NUMERIC, "C.UTF-8");
  /* The message is not translated here (no catalogue bound), but the
   * number follows LC_NUMERIC. */
  g_assert_nonnull (strstr (v->text, " 6.100 "));
}

int
main (int   argc,
      char *argv[])
{
  /* A fixed locale for the text checks: C.UTF-8 has no digit grouping. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/stats/normal", test_normal);
  g_test_add_func ("/herald/stats/wilson-newcombe", test_wilson_newcombe);
  g_test_add_func ("/herald/stats/wilson-edges", test_wilson_edges);
  g_test_add_func ("/herald/stats/z-test", test_z_test);
  g_test_add_func ("/herald/stats/difference-newcombe", test_difference_newcombe);
  g_test_add_func ("/herald/stats/sample-size", test_sample_size);
  g_test_add_func ("/herald/stats/verdict-significant", test_verdict_significant);
  g_test_add_func ("/herald/stats/verdict-not-yet", test_verdict_not_yet);
  g_test_add_func ("/herald/stats/verdict-three", test_verdict_three);
  g_test_add_func ("/herald/stats/verdict-edges", test_verdict_edges);
  g_test_add_func ("/herald/stats/verdict-german-numbers", test_verdict_german_numbers);

  return g_test_run ();
}
