/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-stats.c: the statistics behind A/B results.
 *
 * Everything here works on counts (successes out of trials) because that
 * is what a campaign has: recipients and the ones who opened, clicked or
 * converted.  The methods and their references are described in
 * docs/charts.md; the short version:
 *
 * - a proportion's interval is the Wilson score interval (Wilson 1927),
 *   not the normal approximation ("Wald"), because Wald collapses to a
 *   zero-width interval at 0 % and 100 % and undercovers for the small
 *   rates (1–5 %) that clicks and conversions have;
 * - two variants are compared with the pooled two-proportion z-test;
 * - the interval of a difference is Newcombe's hybrid score interval
 *   (Newcombe 1998, method 10), built from the two Wilson intervals;
 * - sample sizes use the normal-approximation formula with a pooled
 *   variance term under the null hypothesis (Fleiss, Levin & Paik 2003,
 *   eq. 4.14) without continuity correction.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "herald-format.h"
#include "herald-stats.h"

/* The default power for "how many more recipients" in verdicts: the
 * conventional 80 %. */
#define VERDICT_POWER 0.8

/**
 * herald_stats_normal_cdf:
 * @z: a standard score
 *
 * Returns: P(Z ≤ @z) for a standard normal Z, through erfc() so that the
 *   far tails keep their precision.
 */
double
herald_stats_normal_cdf (double z)
{
  return 0.5 * erfc (-z / G_SQRT2);
}

/**
 * herald_stats_normal_quantile:
 * @p: a probability in (0, 1)
 *
 * The inverse of herald_stats_normal_cdf(): Acklam's rational
 * approximation refined by one Halley step against erfc(), which gives
 * close to full double precision.
 *
 * Returns: z with P(Z ≤ z) = @p; ±G_MAXDOUBLE for @p of 0 or 1.
 */
double
herald_stats_normal_quantile (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00 };
  const double p_low = 0.02425;
  double q, r, x, e, u;

  if (p <= 0.0)
    return -G_MAXDOUBLE;
  if (p >= 1.0)
    return G_MAXDOUBLE;

  if (p < p_low)
    {
      q = sqrt (-2 * log (p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
          ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  else if (p <= 1 - p_low)
    {
      q = p - 0.5;
      r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
          (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
  else
    {
      q = sqrt (-2 * log (1 - p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }

  /* One step of Halley's method on the exact CDF. */
  e = herald_stats_normal_cdf (x) - p;
  u = e * sqrt (2 * G_PI) * exp (x * x / 2);
  x = x - u / (1 + x * u / 2);

  return x;
}

static double
z_for_confidence (double confidence)
{
  return herald_stats_normal_quantile (1 - (1 - confidence) / 2);
}

/**
 * herald_stats_wilson_interval:
 * @successes: the numerator
 * @trials: the denominator
 * @confidence: the confidence level, such as 0.95
 * @lower: (out): the lower end
 * @upper: (out): the upper end
 *
 * The Wilson score interval of @successes / @trials without continuity
 * correction.  Unlike the normal approximation it stays inside [0, 1] and
 * has a width at 0 % and 100 %.  With no trials nothing is known, and the
 * interval is [0, 1].
 */
void
herald_stats_wilson_interval (guint64 successes,
                              guint64 trials,
                              double  confidence,
                              double *lower,
                              double *upper)
{
  double z, z2, n, p, centre, half, denominator;

  g_return_if_fail (successes <= trials);
  g_return_if_fail (confidence > 0 && confidence < 1);
  g_return_if_fail (lower != NULL && upper != NULL);

  if (trials == 0)
    {
      *lower = 0;
      *upper = 1;
      return;
    }

  z = z_for_confidence (confidence);
  z2 = z * z;
  n = (double) trials;
  p = (double) successes / n;
  denominator = 1 + z2 / n;
  centre = (p + z2 / (2 * n)) / denominator;
  half = z * sqrt (p * (1 - p) / n + z2 / (4 * n * n)) / denominator;

  /* At p = 0 and p = 1 the exact bound is 0 or 1; do not let rounding
   * leave 1e-17 there. */
  *lower = successes == 0 ? 0.0 : MAX (0.0, centre - half);
  *upper = successes == trials ? 1.0 : MIN (1.0, centre + half);
}

/**
 * herald_stats_two_proportion_z_test:
 * @successes1: successes of the first group
 * @trials1: trials of the first group
 * @successes2: successes of the second group
 * @trials2: trials of the second group
 * @z: (out) (optional): the z statistic, positive when the first rate is
 *   higher
 * @p_value: (out) (optional): the two-sided p-value
 *
 * The pooled two-proportion z-test of H0: p1 = p2.  When the test is not
 * defined (a group without trials, or a pooled rate of 0 or 1 so that
 * both groups are identical) @z is 0 and @p_value 1: no evidence of a
 * difference.
 *
 * Returns: whether the test was defined.
 */
gboolean
herald_stats_two_proportion_z_test (guint64 successes1,
                                    guint64 trials1,
                                    guint64 successes2,
                                    guint64 trials2,
                                    double *z,
                                    double *p_value)
{
  double p1, p2, pooled, se, zz;

  g_return_val_if_fail (successes1 <= trials1, FALSE);
  g_return_val_if_fail (successes2 <= trials2, FALSE);

  if (z != NULL)
    *z = 0;
  if (p_value != NULL)
    *p_value = 1;

  if (trials1 == 0 || trials2 == 0)
    return FALSE;

  p1 = (double) successes1 / trials1;
  p2 = (double) successes2 / trials2;
  pooled = (double) (successes1 + successes2) / (double) (trials1 + trials2);
  se = sqrt (pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
  if (!(se > 0))
    return FALSE;

  zz = (p1 - p2) / se;
  if (z != NULL)
    *z = zz;
  if (p_value != NULL)
    *p_value = MIN (1.0, erfc (fabs (zz) / G_SQRT2));

  return TRUE;
}

/**
 * herald_stats_difference_interval:
 * @successes1: successes of the first group
 * @trials1: trials of the first group
 * @successes2: successes of the second group
 * @trials2: trials of the second group
 * @confidence: the confidence level, such as 0.95
 * @difference: (out) (optional): p1 − p2
 * @lower: (out) (optional): the lower end of its interval
 * @upper: (out) (optional): the upper end of its interval
 *
 * The difference of two proportions with Newcombe's hybrid score
 * interval (1998, method 10), which stays inside [−1, 1] and behaves at
 * 0 % and 100 % where the Wald interval does not.
 *
 * Returns: whether both groups have trials; if not, the difference is 0
 *   and the interval [−1, 1].
 */
gboolean
herald_stats_difference_interval (guint64 successes1,
                                  guint64 trials1,
                                  guint64 successes2,
                                  guint64 trials2,
                                  double  confidence,
                                  double *difference,
                                  double *lower,
                                  double *upper)
{
  double l1, u1, l2, u2, p1, p2, z, d;

  g_return_val_if_fail (successes1 <= trials1, FALSE);
  g_return_val_if_fail (successes2 <= trials2, FALSE);
  g_return_val_if_fail (confidence > 0 && confidence < 1, FALSE);

  if (trials1 == 0 || trials2 == 0)
    {
      if (difference != NULL)
        *difference = 0;
      if (lower != NULL)
        *lower = -1;
      if (upper != NULL)
        *upper = 1;
      return FALSE;
    }

  herald_stats_wilson_interval (successes1, trials1, confidence, &l1, &u1);
  herald_stats_wilson_interval (successes2, trials2, confidence, &l2, &u2);
  p1 = (double) successes1 / trials1;
  p2 = (double) successes2 / trials2;
  z = z_for_confidence (confidence);
  d = p1 - p2;

  if (difference != NULL)
    *difference = d;
  if (lower != NULL)
    *lower = d - z * sqrt (l1 * (1 - l1) / trials1 + u2 * (1 - u2) / trials2);
  if (upper != NULL)
    *upper = d + z * sqrt (u1 * (1 - u1) / trials1 + l2 * (1 - l2) / trials2);

  return TRUE;
}

/**
 * herald_stats_sample_size_exact:
 * @p1: the baseline rate
 * @p2: the rate to detect
 * @alpha: the two-sided significance level, such as 0.05
 * @power: the power, such as 0.8
 *
 * The recipients needed per group to detect @p2 against @p1 with a
 * two-sided two-proportion test (Fleiss, Levin & Paik 2003, without
 * continuity correction):
 *
 *   n = (z₁₋α/₂ √(2 p̄ q̄) + z₁₋β √(p1 q1 + p2 q2))² / (p1 − p2)²
 *
 * with p̄ = (p1 + p2) / 2 and q = 1 − p.
 *
 * Returns: n as a real number, +∞ when @p1 equals @p2.
 */
double
herald_stats_sample_size_exact (double p1,
                                double p2,
                                double alpha,
                                double power)
{
  double za, zb, pbar, term;

  g_return_val_if_fail (p1 >= 0 && p1 <= 1, INFINITY);
  g_return_val_if_fail (p2 >= 0 && p2 <= 1, INFINITY);
  g_return_val_if_fail (alpha > 0 && alpha < 1, INFINITY);
  g_return_val_if_fail (power > 0 && power < 1, INFINITY);

  if (p1 == p2)
    return INFINITY;

  za = herald_stats_normal_quantile (1 - alpha / 2);
  zb = herald_stats_normal_quantile (power);
  pbar = (p1 + p2) / 2;
  term = za * sqrt (2 * pbar * (1 - pbar)) + zb * sqrt (p1 * (1 - p1) + p2 * (1 - p2));

  return term * term / ((p1 - p2) * (p1 - p2));
}

/**
 * herald_stats_sample_size:
 * @p1: the baseline rate
 * @p2: the rate to detect
 * @alpha: the two-sided significance level
 * @power: the power
 *
 * herald_stats_sample_size_exact() rounded up to whole recipients.
 *
 * Returns: recipients per group, %G_MAXUINT64 when @p1 equals @p2.
 */
guint64
herald_stats_sample_size (double p1,
                          double p2,
                          double alpha,
                          double power)
{
  double n = herald_stats_sample_size_exact (p1, p2, alpha, power);

  if (!isfinite (n) || n >= (double) G_MAXUINT64)
    return G_MAXUINT64;
  /* Guard against 2943.0000000001 turning into 2944. */
  return (guint64) ceil (n - 1e-9);
}

/**
 * herald_stats_minimum_detectable_difference:
 * @n: recipients per group
 * @p1: the baseline rate
 * @alpha: the two-sided significance level
 * @power: the power
 * @difference: (out): the smallest increase over @p1 detectable with @n
 *
 * The inverse of herald_stats_sample_size_exact(): solves for d with
 * n(p1, p1 + d) = @n by bisection; n falls monotonically in d.
 *
 * Returns: whether some increase up to a rate of 1 is detectable with @n
 *   recipients; if not, @difference is 1 − @p1.
 */
gboolean
herald_stats_minimum_detectable_difference (guint64 n,
                                            double  p1,
                                            double  alpha,
                                            double  power,
                                            double *difference)
{
  double lo, hi;

  g_return_val_if_fail (p1 >= 0 && p1 < 1, FALSE);
  g_return_val_if_fail (alpha > 0 && alpha < 1, FALSE);
  g_return_val_if_fail (power > 0 && power < 1, FALSE);
  g_return_val_if_fail (difference != NULL, FALSE);

  *difference = 1 - p1;
  if (n == 0 || herald_stats_sample_size_exact (p1, 1, alpha, power) > (double) n)
    return FALSE;

  lo = 0;
  hi = 1 - p1;
  for (guint i = 0; i < 200 && hi - lo > 1e-12; i++)
    {
      double mid = (lo + hi) / 2;

      if (herald_stats_sample_size_exact (p1, p1 + mid, alpha, power) > (double) n)
        lo = mid;
      else
        hi = mid;
    }

  *difference = hi;
  return TRUE;
}

/* "about 1,234" reads as false precision; round up to two significant
 * digits. */
static guint64
round_up_two_digits (guint64 n)
{
  guint64 unit = 1;

  while (n / unit >= 100)
    unit *= 10;
  return (n + unit - 1) / unit * unit;
}

/* The confidence is rounded down, so that 94.97 % is never shown as 95 %;
 * above 99 % one decimal tells 99.0 from 99.9. */
static char *
confidence_text (double confidence)
{
  guint decimals = confidence >= 0.99 ? 1 : 0;
  double scale = pow (10, decimals + 2);

  return herald_format_percent (floor (confidence * scale + 1e-9) / scale, decimals);
}

/**
 * herald_stats_verdict:
 * @variants: (array length=n_variants): the variants' counts
 * @n_variants: how many variants there are
 * @confidence: the confidence required to call a winner, such as 0.95
 *
 * Compares A/B(/C…) variants: the variant with the highest rate is the
 * candidate; every other variant is tested against it with the pooled
 * z-test, and with more than two variants the p-values are multiplied by
 * the number of comparisons (Bonferroni), so that looking at many
 * variants does not produce winners by chance.  The text says either
 * which variant is better and with what confidence, or that there is no
 * significant difference yet and about how many more recipients per
 * variant would show the observed difference with 80 % power.
 *
 * Returns: (transfer full): the verdict; free with herald_verdict_free().
 */
HeraldVerdict *
herald_stats_verdict (const HeraldVariantCounts *variants,
                      guint                      n_variants,
                      double                     confidence)
{
  g_autoptr(HeraldVerdict) verdict = NULL;
  guint comparisons = n_variants > 1 ? n_variants - 1 : 1;
  gboolean all_have_data = n_variants > 0;
  double worst_p = 0;
  int runner_up = -1;
  int best = -1;

  g_return_val_if_fail (variants != NULL || n_variants == 0, NULL);
  g_return_val_if_fail (confidence > 0 && confidence < 1, NULL);

  verdict = g_new0 (HeraldVerdict, 1);
  verdict->variants = g_new0 (HeraldVariantResult, n_variants);
  verdict->n_variants = n_variants;
  verdict->best = -1;

  for (guint i = 0; i < n_variants; i++)
    {
      HeraldVariantResult *r = &verdict->variants[i];

      g_return_val_if_fail (variants[i].successes <= variants[i].trials, NULL);

      r->name = g_strdup (variants[i].name != NULL ? variants[i].name : "");
      r->trials = variants[i].trials;
      r->successes = variants[i].successes;
      r->rate = r->trials > 0 ? (double) r->successes / r->trials : 0;
      r->p_value = 1;
      herald_stats_wilson_interval (r->successes, r->trials, confidence, &r->lower, &r->upper);
      if (r->trials == 0)
        all_have_data = FALSE;
      else if (best < 0 || r->rate > verdict->variants[best].rate)
        best = (int) i;
    }

  verdict->best = best;

  if (n_variants < 2 || best < 0 || !all_have_data)
    {
      if (best >= 0)
        verdict->variants[best].is_best = TRUE;
      if (n_variants < 2)
        verdict->text = g_strdup (_("At least two variants are needed for a comparison."));
      else
        verdict->text = g_strdup (_("Not enough data yet: every variant needs recipients before they can be compared."));
      return g_steal_pointer (&verdict);
    }

  verdict->variants[best].is_best = TRUE;

  for (guint i = 0; i < n_variants; i++)
    {
      HeraldVariantResult *r = &verdict->variants[i];
      const HeraldVariantResult *b = &verdict->variants[best];
      double p;

      if ((int) i == best)
        continue;

      herald_stats_difference_interval (r->successes, r->trials, b->successes, b->trials,
                                        confidence, &r->difference,
                                        &r->difference_lower, &r->difference_upper);
      herald_stats_two_proportion_z_test (b->successes, b->trials, r->successes, r->trials,
                                          NULL, &p);
      r->p_value = p;
      worst_p = MAX (worst_p, MIN (1.0, p * comparisons));
      if (runner_up < 0 || r->rate > verdict->variants[runner_up].rate)
        runner_up = (int) i;
    }

  verdict->confidence = 1 - worst_p;
  verdict->significant = verdict->variants[runner_up].rate < verdict->variants[best].rate &&
                         verdict->confidence >= confidence;

  if (verdict->significant)
    {
      g_autofree char *percent = confidence_text (verdict->confidence);

      /* Translators: an A/B test verdict, such as "B is better with 97% confidence."
       * %1$s is the variant's name, %2$s the confidence as a percentage. */
      verdict->text = g_strdup_printf (_("%1$s is better with %2$s confidence."),
                                       verdict->variants[best].name, percent);
    }
  else if (verdict->variants[runner_up].rate == verdict->variants[best].rate)
    {
      verdict->text = g_strdup (_("No significant difference yet; the variants perform the same so far."));
    }
  else
    {
      const HeraldVariantResult *b = &verdict->variants[best];
      const HeraldVariantResult *r = &verdict->variants[runner_up];
      guint64 needed = herald_stats_sample_size (r->rate, b->rate,
                                                 (1 - confidence) / comparisons,
                                                 VERDICT_POWER);
      guint64 have = MIN (b->trials, r->trials);

      if (needed != G_MAXUINT64 && needed > have)
        {
          g_autofree char *count = NULL;

          verdict->more_needed = round_up_two_digits (needed - have);
          count = herald_format_count ((gint64) MIN (verdict->more_needed, (guint64) G_MAXINT64));
          /* Translators: %s is a number formatted for the locale, such as "1,200". */
          verdict->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "No significant difference yet; about %s more recipient per variant is needed.",
                                                        "No significant difference yet; about %s more recipients per variant are needed.",
                                                        verdict->more_needed),
                                           count);
        }
      else
        {
          verdict->text = g_strdup (_("No significant difference: the variants differ by less than this test can tell apart."));
        }
    }

  return g_steal_pointer (&verdict);
}

/**
 * herald_verdict_free:
 * @verdict: (nullable): a verdict
 *
 * Frees @verdict and everything in it.
 */
void
herald_verdict_free (HeraldVerdict *verdict)
{
  if (verdict == NULL)
    return;

  for (guint i = 0; i < verdict->n_variants; i++)
    g_free (verdict->variants[i].name);
  g_free (verdict->variants);
  g_free (verdict->text);
  g_free (verdict);
}
