/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HeraldVariantCounts:
 * @name: the variant's name as shown to people ("A", "B", …)
 * @trials: how many recipients got the variant (the denominator)
 * @successes: how many of them did the thing measured (opened, clicked, …)
 *
 * The input of an A/B comparison: one entry per variant.
 */
typedef struct
{
  const char *name;
  guint64     trials;
  guint64     successes;
} HeraldVariantCounts;

/**
 * HeraldVariantResult:
 * @name: the variant's name (owned by the verdict)
 * @trials: the denominator
 * @successes: the numerator
 * @rate: @successes / @trials, 0 when @trials is 0
 * @lower: lower end of the Wilson score interval of @rate
 * @upper: upper end of the Wilson score interval of @rate
 * @difference: @rate minus the best variant's rate (0 for the best)
 * @difference_lower: lower end of the Newcombe interval of @difference
 * @difference_upper: upper end of the Newcombe interval of @difference
 * @p_value: two-sided p-value of the pooled z-test against the best
 *   variant (1 for the best itself and when a test is not possible)
 * @is_best: whether this is the variant with the highest rate
 *
 * One variant's row in a #HeraldVerdict.
 */
typedef struct
{
  char    *name;
  guint64  trials;
  guint64  successes;
  double   rate;
  double   lower;
  double   upper;
  double   difference;
  double   difference_lower;
  double   difference_upper;
  double   p_value;
  gboolean is_best;
} HeraldVariantResult;

/**
 * HeraldVerdict:
 * @variants: (array length=n_variants): one result per input variant, in
 *   input order
 * @n_variants: the number of variants
 * @best: index of the best variant, or -1 when no variant has data
 * @significant: whether the best variant beats every other one at the
 *   requested confidence (Bonferroni-adjusted for more than two variants)
 * @confidence: 1 minus the largest adjusted p-value of the best against
 *   the others, the confidence with which the best is better
 * @more_needed: for a verdict that is not significant yet, about how many
 *   more recipients each variant needs to show the observed difference
 *   (0 when unknown or not needed)
 * @text: the plain-language verdict, translated, numbers in the locale
 *
 * The outcome of herald_stats_verdict().
 */
typedef struct
{
  HeraldVariantResult *variants;
  guint                n_variants;
  int                  best;
  gboolean             significant;
  double               confidence;
  guint64              more_needed;
  char                *text;
} HeraldVerdict;

double         herald_stats_normal_cdf            (double z);
double         herald_stats_normal_quantile       (double p);
void           herald_stats_wilson_interval       (guint64 successes,
                                                   guint64 trials,
                                                   double  confidence,
                                                   double *lower,
                                                   double *upper);
gboolean       herald_stats_two_proportion_z_test (guint64 successes1,
                                                   guint64 trials1,
                                                   guint64 successes2,
                                                   guint64 trials2,
                                                   double *z,
                                                   double *p_value);
gboolean       herald_stats_difference_interval   (guint64 successes1,
                                                   guint64 trials1,
                                                   guint64 successes2,
                                                   guint64 trials2,
                                                   double  confidence,
                                                   double *difference,
                                                   double *lower,
                                                   double *upper);
double         herald_stats_sample_size_exact     (double  p1,
                                                   double  p2,
                                                   double  alpha,
                                                   double  power);
guint64        herald_stats_sample_size           (double  p1,
                                                   double  p2,
                                                   double  alpha,
                                                   double  power);
gboolean       herald_stats_minimum_detectable_difference (guint64 n,
                                                   double  p1,
                                                   double  alpha,
                                                   double  power,
                                                   double *difference);
HeraldVerdict *herald_stats_verdict               (const HeraldVariantCounts *variants,
                                                   guint                      n_variants,
                                                   double                     confidence);
void           herald_verdict_free                (HeraldVerdict *verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldVerdict, herald_verdict_free)

G_END_DECLS
