/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-performance-day.c: the metrics of one campaign on one day (the seed's CampaignPerformance). */

#include "config.h"

#include "herald-performance-day.h"
#include "herald-format.h"
#include "herald-enum-types.h"
#include "herald-metrics.h"
#include "herald-model.h"

struct _HeraldPerformanceDay
{
  HeraldRecord parent_instance;

  char *campaign_id;
  char *date;
  gint64 sent_count;
  gint64 delivered_count;
  gint64 open_count;
  gint64 machine_open_count;
  gint64 click_count;
  gint64 conversion_count;
  gint64 bounce_count;
  gint64 unsubscribe_count;
  double open_rate;
  double click_rate;
  double conversion_rate;
  gint64 revenue;
  gint64 spent;
  char *currency;
  double roi;
};

G_DEFINE_FINAL_TYPE (HeraldPerformanceDay, herald_performance_day, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_DATE,
  PROP_SENT_COUNT,
  PROP_DELIVERED_COUNT,
  PROP_OPEN_COUNT,
  PROP_MACHINE_OPEN_COUNT,
  PROP_CLICK_COUNT,
  PROP_CONVERSION_COUNT,
  PROP_BOUNCE_COUNT,
  PROP_UNSUBSCRIBE_COUNT,
  PROP_OPEN_RATE,
  PROP_CLICK_RATE,
  PROP_CONVERSION_RATE,
  PROP_REVENUE,
  PROP_SPENT,
  PROP_CURRENCY,
  PROP_ROI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_performance_day_finalize (GObject *object)
{
  HeraldPerformanceDay *self = HERALD_PERFORMANCE_DAY (object);

  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (herald_performance_day_parent_class)->finalize (object);
}

static void
herald_performance_day_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HeraldPerformanceDay *self = HERALD_PERFORMANCE_DAY (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SENT_COUNT:
      g_value_set_int64 (value, self->sent_count);
      break;

    case PROP_DELIVERED_COUNT:
      g_value_set_int64 (value, self->delivered_count);
      break;

    case PROP_OPEN_COUNT:
      g_value_set_int64 (value, self->open_count);
      break;

    case PROP_MACHINE_OPEN_COUNT:
      g_value_set_int64 (value, self->machine_open_count);
      break;

    case PROP_CLICK_COUNT:
      g_value_set_int64 (value, self->click_count);
      break;

    case PROP_CONVERSION_COUNT:
      g_value_set_int64 (value, self->conversion_count);
      break;

    case PROP_BOUNCE_COUNT:
      g_value_set_int64 (value, self->bounce_count);
      break;

    case PROP_UNSUBSCRIBE_COUNT:
      g_value_set_int64 (value, self->unsubscribe_count);
      break;

    case PROP_OPEN_RATE:
      g_value_set_double (value, self->open_rate);
      break;

    case PROP_CLICK_RATE:
      g_value_set_double (value, self->click_rate);
      break;

    case PROP_CONVERSION_RATE:
      g_value_set_double (value, self->conversion_rate);
      break;

    case PROP_REVENUE:
      g_value_set_int64 (value, self->revenue);
      break;

    case PROP_SPENT:
      g_value_set_int64 (value, self->spent);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_ROI:
      g_value_set_double (value, self->roi);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_performance_day_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HeraldPerformanceDay *self = HERALD_PERFORMANCE_DAY (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      herald_performance_day_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      herald_performance_day_set_date (self, g_value_get_string (value));
      break;

    case PROP_SENT_COUNT:
      herald_performance_day_set_sent_count (self, g_value_get_int64 (value));
      break;

    case PROP_DELIVERED_COUNT:
      herald_performance_day_set_delivered_count (self, g_value_get_int64 (value));
      break;

    case PROP_OPEN_COUNT:
      herald_performance_day_set_open_count (self, g_value_get_int64 (value));
      break;

    case PROP_MACHINE_OPEN_COUNT:
      herald_performance_day_set_machine_open_count (self, g_value_get_int64 (value));
      break;

    case PROP_CLICK_COUNT:
      herald_performance_day_set_click_count (self, g_value_get_int64 (value));
      break;

    case PROP_CONVERSION_COUNT:
      herald_performance_day_set_conversion_count (self, g_value_get_int64 (value));
      break;

    case PROP_BOUNCE_COUNT:
      herald_performance_day_set_bounce_count (self, g_value_get_int64 (value));
      break;

    case PROP_UNSUBSCRIBE_COUNT:
      herald_performance_day_set_unsubscribe_count (self, g_value_get_int64 (value));
      break;

    case PROP_OPEN_RATE:
      herald_performance_day_set_open_rate (self, g_value_get_double (value));
      break;

    case PROP_CLICK_RATE:
      herald_performance_day_set_click_rate (self, g_value_get_double (value));
      break;

    case PROP_CONVERSION_RATE:
      herald_performance_day_set_conversion_rate (self, g_value_get_double (value));
      break;

    case PROP_REVENUE:
      herald_performance_day_set_revenue (self, g_value_get_int64 (value));
      break;

    case PROP_SPENT:
      herald_performance_day_set_spent (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      herald_performance_day_set_currency (self, g_value_get_string (value));
      break;

    case PROP_ROI:
      herald_performance_day_set_roi (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_performance_day_class_init (HeraldPerformanceDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_performance_day_finalize;
  object_class->get_property = herald_performance_day_get_property;
  object_class->set_property = herald_performance_day_set_property;

  record_class->table_name = "performance";
  record_class->entity_name = "performance";

  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT_COUNT] =
    g_param_spec_int64 ("sent-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELIVERED_COUNT] =
    g_param_spec_int64 ("delivered-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HeraldPerformanceDay:open-count:
   *
   * Recipients who opened (unique openers) with at least one human open;
   * machine opens are counted apart, in
   * #HeraldPerformanceDay:machine-open-count.
   */
  properties[PROP_OPEN_COUNT] =
    g_param_spec_int64 ("open-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HeraldPerformanceDay:machine-open-count:
   *
   * Recipients whose only opens were machine opens: Apple Mail Privacy
   * Protection's proxy or a security scanner fetching the tracking pixel
   * (opened events with `"machine_open": true` in their metadata).  They
   * are not in #HeraldPerformanceDay:open-count, and no rate counts them.
   */
  properties[PROP_MACHINE_OPEN_COUNT] =
    g_param_spec_int64 ("machine-open-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLICK_COUNT] =
    g_param_spec_int64 ("click-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONVERSION_COUNT] =
    g_param_spec_int64 ("conversion-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOUNCE_COUNT] =
    g_param_spec_int64 ("bounce-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSUBSCRIBE_COUNT] =
    g_param_spec_int64 ("unsubscribe-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_RATE] =
    g_param_spec_double ("open-rate", NULL, NULL,
                         -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLICK_RATE] =
    g_param_spec_double ("click-rate", NULL, NULL,
                         -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONVERSION_RATE] =
    g_param_spec_double ("conversion-rate", NULL, NULL,
                         -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVENUE] =
    g_param_spec_int64 ("revenue", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPENT] =
    g_param_spec_int64 ("spent", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "EUR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HeraldPerformanceDay:roi:
   *
   * (revenue − spent) / spent; %HERALD_METRICS_NO_ROI (−∞, "—") when
   * nothing was spent.
   */
  properties[PROP_ROI] =
    g_param_spec_double ("roi", NULL, NULL,
                         HERALD_METRICS_NO_ROI, G_MAXDOUBLE, HERALD_METRICS_NO_ROI,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_performance_day_init (HeraldPerformanceDay *self)
{
  self->date = g_strdup ("");
  self->open_rate = -1.0;
  self->click_rate = -1.0;
  self->conversion_rate = -1.0;
  self->currency = g_strdup ("EUR");
  self->roi = HERALD_METRICS_NO_ROI;
}

/**
 * herald_performance_day_new:
 *
 * Creates an empty record with a fresh UUID, the currency of the user's
 * locale and the defaults of every other property.
 *
 * Returns: (transfer full): a new #HeraldPerformanceDay
 */
HeraldPerformanceDay *
herald_performance_day_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_PERFORMANCE_DAY,
                       "id", id,
                       "currency", herald_default_currency (),
                       NULL);
}

/**
 * herald_performance_day_get_campaign_id:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:campaign-id
 */
const char *
herald_performance_day_get_campaign_id (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), NULL);

  return self->campaign_id;
}

/**
 * herald_performance_day_set_campaign_id:
 * @self: a #HeraldPerformanceDay
 * @campaign_id: the new value
 *
 * Sets #HeraldPerformanceDay:campaign-id, notifying only when it changes.
 */
void
herald_performance_day_set_campaign_id (HeraldPerformanceDay *self,
                                        const char *campaign_id)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

/**
 * herald_performance_day_get_date:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:date (YYYY-MM-DD, UTC)
 */
const char *
herald_performance_day_get_date (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), NULL);

  return self->date;
}

/**
 * herald_performance_day_set_date:
 * @self: a #HeraldPerformanceDay
 * @date: the new value
 *
 * Sets #HeraldPerformanceDay:date, notifying only when it changes.
 */
void
herald_performance_day_set_date (HeraldPerformanceDay *self,
                                 const char *date)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * herald_performance_day_get_sent_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:sent-count
 */
gint64
herald_performance_day_get_sent_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->sent_count;
}

/**
 * herald_performance_day_set_sent_count:
 * @self: a #HeraldPerformanceDay
 * @sent_count: the new value
 *
 * Sets #HeraldPerformanceDay:sent-count, notifying only when it changes.
 */
void
herald_performance_day_set_sent_count (HeraldPerformanceDay *self,
                                       gint64 sent_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->sent_count == sent_count)
    return;

  self->sent_count = sent_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT_COUNT]);
}

/**
 * herald_performance_day_get_delivered_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:delivered-count
 */
gint64
herald_performance_day_get_delivered_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->delivered_count;
}

/**
 * herald_performance_day_set_delivered_count:
 * @self: a #HeraldPerformanceDay
 * @delivered_count: the new value
 *
 * Sets #HeraldPerformanceDay:delivered-count, notifying only when it changes.
 */
void
herald_performance_day_set_delivered_count (HeraldPerformanceDay *self,
                                            gint64 delivered_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->delivered_count == delivered_count)
    return;

  self->delivered_count = delivered_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED_COUNT]);
}

/**
 * herald_performance_day_get_open_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:open-count
 */
gint64
herald_performance_day_get_open_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->open_count;
}

/**
 * herald_performance_day_set_open_count:
 * @self: a #HeraldPerformanceDay
 * @open_count: the new value
 *
 * Sets #HeraldPerformanceDay:open-count, notifying only when it changes.
 */
void
herald_performance_day_set_open_count (HeraldPerformanceDay *self,
                                       gint64 open_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->open_count == open_count)
    return;

  self->open_count = open_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
}

/**
 * herald_performance_day_get_machine_open_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:machine-open-count
 */
gint64
herald_performance_day_get_machine_open_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->machine_open_count;
}

/**
 * herald_performance_day_set_machine_open_count:
 * @self: a #HeraldPerformanceDay
 * @machine_open_count: the new value
 *
 * Sets #HeraldPerformanceDay:machine-open-count, notifying only when it changes.
 */
void
herald_performance_day_set_machine_open_count (HeraldPerformanceDay *self,
                                               gint64 machine_open_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->machine_open_count == machine_open_count)
    return;

  self->machine_open_count = machine_open_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MACHINE_OPEN_COUNT]);
}

/**
 * herald_performance_day_get_click_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:click-count
 */
gint64
herald_performance_day_get_click_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->click_count;
}

/**
 * herald_performance_day_set_click_count:
 * @self: a #HeraldPerformanceDay
 * @click_count: the new value
 *
 * Sets #HeraldPerformanceDay:click-count, notifying only when it changes.
 */
void
herald_performance_day_set_click_count (HeraldPerformanceDay *self,
                                        gint64 click_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->click_count == click_count)
    return;

  self->click_count = click_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICK_COUNT]);
}

/**
 * herald_performance_day_get_conversion_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:conversion-count
 */
gint64
herald_performance_day_get_conversion_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->conversion_count;
}

/**
 * herald_performance_day_set_conversion_count:
 * @self: a #HeraldPerformanceDay
 * @conversion_count: the new value
 *
 * Sets #HeraldPerformanceDay:conversion-count, notifying only when it changes.
 */
void
herald_performance_day_set_conversion_count (HeraldPerformanceDay *self,
                                             gint64 conversion_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->conversion_count == conversion_count)
    return;

  self->conversion_count = conversion_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSION_COUNT]);
}

/**
 * herald_performance_day_get_bounce_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:bounce-count
 */
gint64
herald_performance_day_get_bounce_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->bounce_count;
}

/**
 * herald_performance_day_set_bounce_count:
 * @self: a #HeraldPerformanceDay
 * @bounce_count: the new value
 *
 * Sets #HeraldPerformanceDay:bounce-count, notifying only when it changes.
 */
void
herald_performance_day_set_bounce_count (HeraldPerformanceDay *self,
                                         gint64 bounce_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->bounce_count == bounce_count)
    return;

  self->bounce_count = bounce_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNCE_COUNT]);
}

/**
 * herald_performance_day_get_unsubscribe_count:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:unsubscribe-count
 */
gint64
herald_performance_day_get_unsubscribe_count (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->unsubscribe_count;
}

/**
 * herald_performance_day_set_unsubscribe_count:
 * @self: a #HeraldPerformanceDay
 * @unsubscribe_count: the new value
 *
 * Sets #HeraldPerformanceDay:unsubscribe-count, notifying only when it changes.
 */
void
herald_performance_day_set_unsubscribe_count (HeraldPerformanceDay *self,
                                              gint64 unsubscribe_count)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->unsubscribe_count == unsubscribe_count)
    return;

  self->unsubscribe_count = unsubscribe_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSUBSCRIBE_COUNT]);
}

/**
 * herald_performance_day_get_open_rate:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:open-rate
 */
double
herald_performance_day_get_open_rate (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0.0);

  return self->open_rate;
}

/**
 * herald_performance_day_set_open_rate:
 * @self: a #HeraldPerformanceDay
 * @open_rate: the new value
 *
 * Sets #HeraldPerformanceDay:open-rate, notifying only when it changes.
 */
void
herald_performance_day_set_open_rate (HeraldPerformanceDay *self,
                                      double open_rate)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->open_rate == open_rate)
    return;

  self->open_rate = open_rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_RATE]);
}

/**
 * herald_performance_day_get_click_rate:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:click-rate
 */
double
herald_performance_day_get_click_rate (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0.0);

  return self->click_rate;
}

/**
 * herald_performance_day_set_click_rate:
 * @self: a #HeraldPerformanceDay
 * @click_rate: the new value
 *
 * Sets #HeraldPerformanceDay:click-rate, notifying only when it changes.
 */
void
herald_performance_day_set_click_rate (HeraldPerformanceDay *self,
                                       double click_rate)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->click_rate == click_rate)
    return;

  self->click_rate = click_rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICK_RATE]);
}

/**
 * herald_performance_day_get_conversion_rate:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:conversion-rate
 */
double
herald_performance_day_get_conversion_rate (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0.0);

  return self->conversion_rate;
}

/**
 * herald_performance_day_set_conversion_rate:
 * @self: a #HeraldPerformanceDay
 * @conversion_rate: the new value
 *
 * Sets #HeraldPerformanceDay:conversion-rate, notifying only when it changes.
 */
void
herald_performance_day_set_conversion_rate (HeraldPerformanceDay *self,
                                            double conversion_rate)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->conversion_rate == conversion_rate)
    return;

  self->conversion_rate = conversion_rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSION_RATE]);
}

/**
 * herald_performance_day_get_revenue:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:revenue
 */
gint64
herald_performance_day_get_revenue (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->revenue;
}

/**
 * herald_performance_day_set_revenue:
 * @self: a #HeraldPerformanceDay
 * @revenue: the new value
 *
 * Sets #HeraldPerformanceDay:revenue, notifying only when it changes.
 */
void
herald_performance_day_set_revenue (HeraldPerformanceDay *self,
                                    gint64 revenue)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->revenue == revenue)
    return;

  self->revenue = revenue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVENUE]);
}

/**
 * herald_performance_day_get_spent:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:spent
 */
gint64
herald_performance_day_get_spent (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), 0);

  return self->spent;
}

/**
 * herald_performance_day_set_spent:
 * @self: a #HeraldPerformanceDay
 * @spent: the new value
 *
 * Sets #HeraldPerformanceDay:spent, notifying only when it changes.
 */
void
herald_performance_day_set_spent (HeraldPerformanceDay *self,
                                  gint64 spent)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->spent == spent)
    return;

  self->spent = spent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPENT]);
}

/**
 * herald_performance_day_get_currency:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:currency
 */
const char *
herald_performance_day_get_currency (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), NULL);

  return self->currency;
}

/**
 * herald_performance_day_set_currency:
 * @self: a #HeraldPerformanceDay
 * @currency: the new value
 *
 * Sets #HeraldPerformanceDay:currency, notifying only when it changes.
 */
void
herald_performance_day_set_currency (HeraldPerformanceDay *self,
                                     const char *currency)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * herald_performance_day_get_roi:
 * @self: a #HeraldPerformanceDay
 *
 * Returns: the value of #HeraldPerformanceDay:roi, %HERALD_METRICS_NO_ROI
 *   when nothing was spent
 */
double
herald_performance_day_get_roi (HeraldPerformanceDay *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_DAY (self), HERALD_METRICS_NO_ROI);

  return self->roi;
}

/**
 * herald_performance_day_set_roi:
 * @self: a #HeraldPerformanceDay
 * @roi: the new value
 *
 * Sets #HeraldPerformanceDay:roi, notifying only when it changes.
 */
void
herald_performance_day_set_roi (HeraldPerformanceDay *self,
                                double roi)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_DAY (self));

  if (self->roi == roi)
    return;

  self->roi = roi;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROI]);
}
