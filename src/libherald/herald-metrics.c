/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-metrics.c: the rates of DESIGN.md.  A zero denominator has no
 * value; callers show "—" rather than 0. */

#include "config.h"

#include "herald-metrics.h"

/**
 * herald_metrics_delivered:
 * @sent: messages sent
 * @bounced: of those, bounced
 * @failed: of those, failed
 *
 * Returns: sent − bounced − failed, never below 0
 */
gint64
herald_metrics_delivered (gint64 sent,
                          gint64 bounced,
                          gint64 failed)
{
  return MAX (0, sent - bounced - failed);
}

/**
 * herald_metrics_ratio:
 * @numerator: the count measured
 * @denominator: the count it is relative to
 * @ratio: (out) (optional): @numerator / @denominator
 *
 * Returns: %FALSE when @denominator is not positive (no value)
 */
gboolean
herald_metrics_ratio (gint64  numerator,
                      gint64  denominator,
                      double *ratio)
{
  if (denominator <= 0)
    return FALSE;
  if (ratio != NULL)
    *ratio = (double) numerator / (double) denominator;
  return TRUE;
}

/**
 * herald_metrics_open_rate:
 * @unique_openers: recipients who opened at least once
 * @delivered: messages delivered
 * @rate: (out) (optional): the open rate, 0..1
 *
 * Returns: %FALSE when nothing was delivered
 */
gboolean
herald_metrics_open_rate (gint64  unique_openers,
                          gint64  delivered,
                          double *rate)
{
  return herald_metrics_ratio (unique_openers, delivered, rate);
}

/**
 * herald_metrics_click_rate:
 * @unique_clickers: recipients who clicked at least once
 * @delivered: messages delivered
 * @rate: (out) (optional): the click rate, 0..1
 *
 * Returns: %FALSE when nothing was delivered
 */
gboolean
herald_metrics_click_rate (gint64  unique_clickers,
                           gint64  delivered,
                           double *rate)
{
  return herald_metrics_ratio (unique_clickers, delivered, rate);
}

/**
 * herald_metrics_click_to_open:
 * @unique_clickers: recipients who clicked
 * @unique_openers: recipients who opened
 * @rate: (out) (optional): the click-to-open rate, 0..1
 *
 * Returns: %FALSE when nobody opened
 */
gboolean
herald_metrics_click_to_open (gint64  unique_clickers,
                              gint64  unique_openers,
                              double *rate)
{
  return herald_metrics_ratio (unique_clickers, unique_openers, rate);
}

/**
 * herald_metrics_conversion_rate:
 * @converters: recipients who converted
 * @delivered: messages delivered
 * @rate: (out) (optional): the conversion rate, 0..1
 *
 * Returns: %FALSE when nothing was delivered
 */
gboolean
herald_metrics_conversion_rate (gint64  converters,
                                gint64  delivered,
                                double *rate)
{
  return herald_metrics_ratio (converters, delivered, rate);
}

/**
 * herald_metrics_bounce_rate:
 * @bounced: messages bounced
 * @sent: messages sent
 * @rate: (out) (optional): the bounce rate, 0..1
 *
 * Returns: %FALSE when nothing was sent
 */
gboolean
herald_metrics_bounce_rate (gint64  bounced,
                            gint64  sent,
                            double *rate)
{
  return herald_metrics_ratio (bounced, sent, rate);
}

/**
 * herald_metrics_unsubscribe_rate:
 * @unsubscribes: recipients who unsubscribed
 * @delivered: messages delivered
 * @rate: (out) (optional): the unsubscribe rate, 0..1
 *
 * Returns: %FALSE when nothing was delivered
 */
gboolean
herald_metrics_unsubscribe_rate (gint64  unsubscribes,
                                 gint64  delivered,
                                 double *rate)
{
  return herald_metrics_ratio (unsubscribes, delivered, rate);
}

/**
 * herald_metrics_roi:
 * @revenue: revenue in minor units
 * @spent: cost in minor units of the same currency
 * @roi: (out) (optional): (revenue − spent) / spent; 1.5 means +150 %
 *
 * Returns: %FALSE when nothing was spent
 */
gboolean
herald_metrics_roi (gint64  revenue,
                    gint64  spent,
                    double *roi)
{
  return herald_metrics_ratio (revenue - spent, spent, roi);
}
