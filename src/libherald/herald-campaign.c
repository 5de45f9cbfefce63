/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign.c: a campaign (the seed's Campaign). */

#include "config.h"

#include "herald-campaign.h"
#include "herald-format.h"
#include "herald-enum-types.h"
#include "herald-model.h"

struct _HeraldCampaign
{
  HeraldRecord parent_instance;

  char *name;
  char *description;
  HeraldCampaignType type;
  HeraldCampaignStatus status;
  char *segment_id;
  char *template_id;
  GDateTime *scheduled_at;
  GDateTime *started_at;
  GDateTime *completed_at;
  gint64 budget;
  gint64 spent;
  char *currency;
  gint64 target_count;
  gint64 sent_count;
  gint64 delivered_count;
  gint64 open_count;
  gint64 click_count;
  gint64 conversion_count;
  char *preheader;
  char *from_name;
  char *from_address;
  char *reply_to;
  int ab_test_percent;
  HeraldWinnerMetric ab_winner_metric;
  int ab_wait_hours;
  gboolean ab_auto_send_winner;
  double ab_confidence_level;
};

G_DEFINE_FINAL_TYPE (HeraldCampaign, herald_campaign, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TYPE,
  PROP_STATUS,
  PROP_SEGMENT_ID,
  PROP_TEMPLATE_ID,
  PROP_SCHEDULED_AT,
  PROP_STARTED_AT,
  PROP_COMPLETED_AT,
  PROP_BUDGET,
  PROP_SPENT,
  PROP_CURRENCY,
  PROP_TARGET_COUNT,
  PROP_SENT_COUNT,
  PROP_DELIVERED_COUNT,
  PROP_OPEN_COUNT,
  PROP_CLICK_COUNT,
  PROP_CONVERSION_COUNT,
  PROP_PREHEADER,
  PROP_FROM_NAME,
  PROP_FROM_ADDRESS,
  PROP_REPLY_TO,
  PROP_AB_TEST_PERCENT,
  PROP_AB_WINNER_METRIC,
  PROP_AB_WAIT_HOURS,
  PROP_AB_AUTO_SEND_WINNER,
  PROP_AB_CONFIDENCE_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_campaign_finalize (GObject *object)
{
  HeraldCampaign *self = HERALD_CAMPAIGN (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->segment_id, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->scheduled_at, g_date_time_unref);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_date_time_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->preheader, g_free);
  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->from_address, g_free);
  g_clear_pointer (&self->reply_to, g_free);

  G_OBJECT_CLASS (herald_campaign_parent_class)->finalize (object);
}

static void
herald_campaign_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeraldCampaign *self = HERALD_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TYPE:
      g_value_set_enum (value, self->type);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SEGMENT_ID:
      g_value_set_string (value, self->segment_id);
      break;

    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;

    case PROP_SCHEDULED_AT:
      g_value_set_boxed (value, self->scheduled_at);
      break;

    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;

    case PROP_COMPLETED_AT:
      g_value_set_boxed (value, self->completed_at);
      break;

    case PROP_BUDGET:
      g_value_set_int64 (value, self->budget);
      break;

    case PROP_SPENT:
      g_value_set_int64 (value, self->spent);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_TARGET_COUNT:
      g_value_set_int64 (value, self->target_count);
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

    case PROP_CLICK_COUNT:
      g_value_set_int64 (value, self->click_count);
      break;

    case PROP_CONVERSION_COUNT:
      g_value_set_int64 (value, self->conversion_count);
      break;

    case PROP_PREHEADER:
      g_value_set_string (value, self->preheader);
      break;

    case PROP_FROM_NAME:
      g_value_set_string (value, self->from_name);
      break;

    case PROP_FROM_ADDRESS:
      g_value_set_string (value, self->from_address);
      break;

    case PROP_REPLY_TO:
      g_value_set_string (value, self->reply_to);
      break;

    case PROP_AB_TEST_PERCENT:
      g_value_set_int (value, self->ab_test_percent);
      break;

    case PROP_AB_WINNER_METRIC:
      g_value_set_enum (value, self->ab_winner_metric);
      break;

    case PROP_AB_WAIT_HOURS:
      g_value_set_int (value, self->ab_wait_hours);
      break;

    case PROP_AB_AUTO_SEND_WINNER:
      g_value_set_boolean (value, self->ab_auto_send_winner);
      break;

    case PROP_AB_CONFIDENCE_LEVEL:
      g_value_set_double (value, self->ab_confidence_level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HeraldCampaign *self = HERALD_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      herald_campaign_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      herald_campaign_set_description (self, g_value_get_string (value));
      break;

    case PROP_TYPE:
      herald_campaign_set_campaign_type (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      herald_campaign_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SEGMENT_ID:
      herald_campaign_set_segment_id (self, g_value_get_string (value));
      break;

    case PROP_TEMPLATE_ID:
      herald_campaign_set_template_id (self, g_value_get_string (value));
      break;

    case PROP_SCHEDULED_AT:
      herald_campaign_set_scheduled_at (self, g_value_get_boxed (value));
      break;

    case PROP_STARTED_AT:
      herald_campaign_set_started_at (self, g_value_get_boxed (value));
      break;

    case PROP_COMPLETED_AT:
      herald_campaign_set_completed_at (self, g_value_get_boxed (value));
      break;

    case PROP_BUDGET:
      herald_campaign_set_budget (self, g_value_get_int64 (value));
      break;

    case PROP_SPENT:
      herald_campaign_set_spent (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      herald_campaign_set_currency (self, g_value_get_string (value));
      break;

    case PROP_TARGET_COUNT:
      herald_campaign_set_target_count (self, g_value_get_int64 (value));
      break;

    case PROP_SENT_COUNT:
      herald_campaign_set_sent_count (self, g_value_get_int64 (value));
      break;

    case PROP_DELIVERED_COUNT:
      herald_campaign_set_delivered_count (self, g_value_get_int64 (value));
      break;

    case PROP_OPEN_COUNT:
      herald_campaign_set_open_count (self, g_value_get_int64 (value));
      break;

    case PROP_CLICK_COUNT:
      herald_campaign_set_click_count (self, g_value_get_int64 (value));
      break;

    case PROP_CONVERSION_COUNT:
      herald_campaign_set_conversion_count (self, g_value_get_int64 (value));
      break;

    case PROP_PREHEADER:
      herald_campaign_set_preheader (self, g_value_get_string (value));
      break;

    case PROP_FROM_NAME:
      herald_campaign_set_from_name (self, g_value_get_string (value));
      break;

    case PROP_FROM_ADDRESS:
      herald_campaign_set_from_address (self, g_value_get_string (value));
      break;

    case PROP_REPLY_TO:
      herald_campaign_set_reply_to (self, g_value_get_string (value));
      break;

    case PROP_AB_TEST_PERCENT:
      herald_campaign_set_ab_test_percent (self, g_value_get_int (value));
      break;

    case PROP_AB_WINNER_METRIC:
      herald_campaign_set_ab_winner_metric (self, g_value_get_enum (value));
      break;

    case PROP_AB_WAIT_HOURS:
      herald_campaign_set_ab_wait_hours (self, g_value_get_int (value));
      break;

    case PROP_AB_AUTO_SEND_WINNER:
      herald_campaign_set_ab_auto_send_winner (self, g_value_get_boolean (value));
      break;

    case PROP_AB_CONFIDENCE_LEVEL:
      herald_campaign_set_ab_confidence_level (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_class_init (HeraldCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_campaign_finalize;
  object_class->get_property = herald_campaign_get_property;
  object_class->set_property = herald_campaign_set_property;

  record_class->table_name = "campaigns";
  record_class->entity_name = "campaign";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL,
                       HERALD_TYPE_CAMPAIGN_TYPE, HERALD_CAMPAIGN_TYPE_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       HERALD_TYPE_CAMPAIGN_STATUS, HERALD_CAMPAIGN_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT_ID] =
    g_param_spec_string ("segment-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULED_AT] =
    g_param_spec_boxed ("scheduled-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETED_AT] =
    g_param_spec_boxed ("completed-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_int64 ("budget", NULL, NULL,
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
  properties[PROP_TARGET_COUNT] =
    g_param_spec_int64 ("target-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT_COUNT] =
    g_param_spec_int64 ("sent-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELIVERED_COUNT] =
    g_param_spec_int64 ("delivered-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_COUNT] =
    g_param_spec_int64 ("open-count", NULL, NULL,
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
  properties[PROP_PREHEADER] =
    g_param_spec_string ("preheader", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_NAME] =
    g_param_spec_string ("from-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_ADDRESS] =
    g_param_spec_string ("from-address", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_TO] =
    g_param_spec_string ("reply-to", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AB_TEST_PERCENT] =
    g_param_spec_int ("ab-test-percent", NULL, NULL,
                      0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AB_WINNER_METRIC] =
    g_param_spec_enum ("ab-winner-metric", NULL, NULL,
                       HERALD_TYPE_WINNER_METRIC, HERALD_WINNER_METRIC_OPEN_RATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AB_WAIT_HOURS] =
    g_param_spec_int ("ab-wait-hours", NULL, NULL,
                      0, 720, 4,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AB_AUTO_SEND_WINNER] =
    g_param_spec_boolean ("ab-auto-send-winner", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AB_CONFIDENCE_LEVEL] =
    g_param_spec_double ("ab-confidence-level", NULL, NULL,
                         0.0, 1.0, 0.95,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_campaign_init (HeraldCampaign *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->type = HERALD_CAMPAIGN_TYPE_EMAIL;
  self->status = HERALD_CAMPAIGN_STATUS_DRAFT;
  self->currency = g_strdup ("EUR");
  self->preheader = g_strdup ("");
  self->from_name = g_strdup ("");
  self->from_address = g_strdup ("");
  self->reply_to = g_strdup ("");
  self->ab_winner_metric = HERALD_WINNER_METRIC_OPEN_RATE;
  self->ab_wait_hours = 4;
  self->ab_confidence_level = 0.95;
}

/**
 * herald_campaign_new:
 *
 * Creates an empty record with a fresh UUID, the currency of the user's
 * locale and the defaults of every other property.
 *
 * Returns: (transfer full): a new #HeraldCampaign
 */
HeraldCampaign *
herald_campaign_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_CAMPAIGN,
                       "id", id,
                       "currency", herald_default_currency (),
                       NULL);
}

/**
 * herald_campaign_get_name:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:name
 */
const char *
herald_campaign_get_name (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->name;
}

/**
 * herald_campaign_set_name:
 * @self: a #HeraldCampaign
 * @name: the new value
 *
 * Sets #HeraldCampaign:name, notifying only when it changes.
 */
void
herald_campaign_set_name (HeraldCampaign *self,
                          const char *name)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * herald_campaign_get_description:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:description
 */
const char *
herald_campaign_get_description (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->description;
}

/**
 * herald_campaign_set_description:
 * @self: a #HeraldCampaign
 * @description: the new value
 *
 * Sets #HeraldCampaign:description, notifying only when it changes.
 */
void
herald_campaign_set_description (HeraldCampaign *self,
                                 const char *description)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * herald_campaign_get_campaign_type:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:type
 */
HeraldCampaignType
herald_campaign_get_campaign_type (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->type;
}

/**
 * herald_campaign_set_campaign_type:
 * @self: a #HeraldCampaign
 * @type: the new value
 *
 * Sets #HeraldCampaign:type, notifying only when it changes.
 */
void
herald_campaign_set_campaign_type (HeraldCampaign *self,
                                   HeraldCampaignType type)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->type == type)
    return;

  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
}

/**
 * herald_campaign_get_status:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:status
 */
HeraldCampaignStatus
herald_campaign_get_status (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->status;
}

/**
 * herald_campaign_set_status:
 * @self: a #HeraldCampaign
 * @status: the new value
 *
 * Sets #HeraldCampaign:status, notifying only when it changes.
 */
void
herald_campaign_set_status (HeraldCampaign *self,
                            HeraldCampaignStatus status)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * herald_campaign_get_segment_id:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:segment-id
 */
const char *
herald_campaign_get_segment_id (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->segment_id;
}

/**
 * herald_campaign_set_segment_id:
 * @self: a #HeraldCampaign
 * @segment_id: the new value
 *
 * Sets #HeraldCampaign:segment-id, notifying only when it changes.
 */
void
herald_campaign_set_segment_id (HeraldCampaign *self,
                                const char *segment_id)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->segment_id, segment_id) == 0)
    return;

  g_free (self->segment_id);
  self->segment_id = g_strdup (segment_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT_ID]);
}

/**
 * herald_campaign_get_template_id:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:template-id
 */
const char *
herald_campaign_get_template_id (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->template_id;
}

/**
 * herald_campaign_set_template_id:
 * @self: a #HeraldCampaign
 * @template_id: the new value
 *
 * Sets #HeraldCampaign:template-id, notifying only when it changes.
 */
void
herald_campaign_set_template_id (HeraldCampaign *self,
                                 const char *template_id)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->template_id, template_id) == 0)
    return;

  g_free (self->template_id);
  self->template_id = g_strdup (template_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
}

/**
 * herald_campaign_get_scheduled_at:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:scheduled-at
 */

GDateTime *
herald_campaign_get_scheduled_at (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->scheduled_at;
}

/**
 * herald_campaign_set_scheduled_at:
 * @self: a #HeraldCampaign
 * @scheduled_at: the new value
 *
 * Sets #HeraldCampaign:scheduled-at, notifying only when it changes.
 */
void
herald_campaign_set_scheduled_at (HeraldCampaign *self,
                                  GDateTime *scheduled_at)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->scheduled_at == scheduled_at
      || (self->scheduled_at != NULL && scheduled_at != NULL && g_date_time_equal (self->scheduled_at, scheduled_at)))
    return;

  g_clear_pointer (&self->scheduled_at, g_date_time_unref);
  if (scheduled_at != NULL)
    self->scheduled_at = g_date_time_ref (scheduled_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED_AT]);
}

/**
 * herald_campaign_get_started_at:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:started-at
 */

GDateTime *
herald_campaign_get_started_at (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->started_at;
}

/**
 * herald_campaign_set_started_at:
 * @self: a #HeraldCampaign
 * @started_at: the new value
 *
 * Sets #HeraldCampaign:started-at, notifying only when it changes.
 */
void
herald_campaign_set_started_at (HeraldCampaign *self,
                                GDateTime *started_at)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->started_at == started_at
      || (self->started_at != NULL && started_at != NULL && g_date_time_equal (self->started_at, started_at)))
    return;

  g_clear_pointer (&self->started_at, g_date_time_unref);
  if (started_at != NULL)
    self->started_at = g_date_time_ref (started_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
}

/**
 * herald_campaign_get_completed_at:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:completed-at
 */

GDateTime *
herald_campaign_get_completed_at (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->completed_at;
}

/**
 * herald_campaign_set_completed_at:
 * @self: a #HeraldCampaign
 * @completed_at: the new value
 *
 * Sets #HeraldCampaign:completed-at, notifying only when it changes.
 */
void
herald_campaign_set_completed_at (HeraldCampaign *self,
                                  GDateTime *completed_at)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->completed_at == completed_at
      || (self->completed_at != NULL && completed_at != NULL && g_date_time_equal (self->completed_at, completed_at)))
    return;

  g_clear_pointer (&self->completed_at, g_date_time_unref);
  if (completed_at != NULL)
    self->completed_at = g_date_time_ref (completed_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED_AT]);
}

/**
 * herald_campaign_get_budget:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:budget
 */
gint64
herald_campaign_get_budget (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->budget;
}

/**
 * herald_campaign_set_budget:
 * @self: a #HeraldCampaign
 * @budget: the new value
 *
 * Sets #HeraldCampaign:budget, notifying only when it changes.
 */
void
herald_campaign_set_budget (HeraldCampaign *self,
                            gint64 budget)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->budget == budget)
    return;

  self->budget = budget;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

/**
 * herald_campaign_get_spent:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:spent
 */
gint64
herald_campaign_get_spent (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->spent;
}

/**
 * herald_campaign_set_spent:
 * @self: a #HeraldCampaign
 * @spent: the new value
 *
 * Sets #HeraldCampaign:spent, notifying only when it changes.
 */
void
herald_campaign_set_spent (HeraldCampaign *self,
                           gint64 spent)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->spent == spent)
    return;

  self->spent = spent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPENT]);
}

/**
 * herald_campaign_get_currency:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:currency
 */
const char *
herald_campaign_get_currency (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->currency;
}

/**
 * herald_campaign_set_currency:
 * @self: a #HeraldCampaign
 * @currency: the new value
 *
 * Sets #HeraldCampaign:currency, notifying only when it changes.
 */
void
herald_campaign_set_currency (HeraldCampaign *self,
                              const char *currency)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * herald_campaign_get_target_count:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:target-count
 */
gint64
herald_campaign_get_target_count (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->target_count;
}

/**
 * herald_campaign_set_target_count:
 * @self: a #HeraldCampaign
 * @target_count: the new value
 *
 * Sets #HeraldCampaign:target-count, notifying only when it changes.
 */
void
herald_campaign_set_target_count (HeraldCampaign *self,
                                  gint64 target_count)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->target_count == target_count)
    return;

  self->target_count = target_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_COUNT]);
}

/**
 * herald_campaign_get_sent_count:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:sent-count
 */
gint64
herald_campaign_get_sent_count (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->sent_count;
}

/**
 * herald_campaign_set_sent_count:
 * @self: a #HeraldCampaign
 * @sent_count: the new value
 *
 * Sets #HeraldCampaign:sent-count, notifying only when it changes.
 */
void
herald_campaign_set_sent_count (HeraldCampaign *self,
                                gint64 sent_count)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->sent_count == sent_count)
    return;

  self->sent_count = sent_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT_COUNT]);
}

/**
 * herald_campaign_get_delivered_count:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:delivered-count
 */
gint64
herald_campaign_get_delivered_count (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->delivered_count;
}

/**
 * herald_campaign_set_delivered_count:
 * @self: a #HeraldCampaign
 * @delivered_count: the new value
 *
 * Sets #HeraldCampaign:delivered-count, notifying only when it changes.
 */
void
herald_campaign_set_delivered_count (HeraldCampaign *self,
                                     gint64 delivered_count)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->delivered_count == delivered_count)
    return;

  self->delivered_count = delivered_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED_COUNT]);
}

/**
 * herald_campaign_get_open_count:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:open-count
 */
gint64
herald_campaign_get_open_count (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->open_count;
}

/**
 * herald_campaign_set_open_count:
 * @self: a #HeraldCampaign
 * @open_count: the new value
 *
 * Sets #HeraldCampaign:open-count, notifying only when it changes.
 */
void
herald_campaign_set_open_count (HeraldCampaign *self,
                                gint64 open_count)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->open_count == open_count)
    return;

  self->open_count = open_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
}

/**
 * herald_campaign_get_click_count:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:click-count
 */
gint64
herald_campaign_get_click_count (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->click_count;
}

/**
 * herald_campaign_set_click_count:
 * @self: a #HeraldCampaign
 * @click_count: the new value
 *
 * Sets #HeraldCampaign:click-count, notifying only when it changes.
 */
void
herald_campaign_set_click_count (HeraldCampaign *self,
                                 gint64 click_count)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->click_count == click_count)
    return;

  self->click_count = click_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICK_COUNT]);
}

/**
 * herald_campaign_get_conversion_count:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:conversion-count
 */
gint64
herald_campaign_get_conversion_count (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->conversion_count;
}

/**
 * herald_campaign_set_conversion_count:
 * @self: a #HeraldCampaign
 * @conversion_count: the new value
 *
 * Sets #HeraldCampaign:conversion-count, notifying only when it changes.
 */
void
herald_campaign_set_conversion_count (HeraldCampaign *self,
                                      gint64 conversion_count)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->conversion_count == conversion_count)
    return;

  self->conversion_count = conversion_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSION_COUNT]);
}

/**
 * herald_campaign_get_preheader:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:preheader
 */
const char *
herald_campaign_get_preheader (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->preheader;
}

/**
 * herald_campaign_set_preheader:
 * @self: a #HeraldCampaign
 * @preheader: the new value
 *
 * Sets #HeraldCampaign:preheader, notifying only when it changes.
 */
void
herald_campaign_set_preheader (HeraldCampaign *self,
                               const char *preheader)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->preheader, preheader) == 0)
    return;

  g_free (self->preheader);
  self->preheader = g_strdup (preheader);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREHEADER]);
}

/**
 * herald_campaign_get_from_name:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:from-name
 */
const char *
herald_campaign_get_from_name (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->from_name;
}

/**
 * herald_campaign_set_from_name:
 * @self: a #HeraldCampaign
 * @from_name: the new value
 *
 * Sets #HeraldCampaign:from-name, notifying only when it changes.
 */
void
herald_campaign_set_from_name (HeraldCampaign *self,
                               const char *from_name)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->from_name, from_name) == 0)
    return;

  g_free (self->from_name);
  self->from_name = g_strdup (from_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_NAME]);
}

/**
 * herald_campaign_get_from_address:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:from-address
 */
const char *
herald_campaign_get_from_address (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->from_address;
}

/**
 * herald_campaign_set_from_address:
 * @self: a #HeraldCampaign
 * @from_address: the new value
 *
 * Sets #HeraldCampaign:from-address, notifying only when it changes.
 */
void
herald_campaign_set_from_address (HeraldCampaign *self,
                                  const char *from_address)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->from_address, from_address) == 0)
    return;

  g_free (self->from_address);
  self->from_address = g_strdup (from_address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_ADDRESS]);
}

/**
 * herald_campaign_get_reply_to:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:reply-to
 */
const char *
herald_campaign_get_reply_to (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), NULL);

  return self->reply_to;
}

/**
 * herald_campaign_set_reply_to:
 * @self: a #HeraldCampaign
 * @reply_to: the new value
 *
 * Sets #HeraldCampaign:reply-to, notifying only when it changes.
 */
void
herald_campaign_set_reply_to (HeraldCampaign *self,
                              const char *reply_to)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->reply_to, reply_to) == 0)
    return;

  g_free (self->reply_to);
  self->reply_to = g_strdup (reply_to);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_TO]);
}

/**
 * herald_campaign_get_ab_test_percent:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:ab-test-percent
 */
int
herald_campaign_get_ab_test_percent (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->ab_test_percent;
}

/**
 * herald_campaign_set_ab_test_percent:
 * @self: a #HeraldCampaign
 * @ab_test_percent: the new value
 *
 * Sets #HeraldCampaign:ab-test-percent, notifying only when it changes.
 */
void
herald_campaign_set_ab_test_percent (HeraldCampaign *self,
                                     int ab_test_percent)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->ab_test_percent == ab_test_percent)
    return;

  self->ab_test_percent = ab_test_percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AB_TEST_PERCENT]);
}

/**
 * herald_campaign_get_ab_winner_metric:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:ab-winner-metric
 */
HeraldWinnerMetric
herald_campaign_get_ab_winner_metric (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->ab_winner_metric;
}

/**
 * herald_campaign_set_ab_winner_metric:
 * @self: a #HeraldCampaign
 * @ab_winner_metric: the new value
 *
 * Sets #HeraldCampaign:ab-winner-metric, notifying only when it changes.
 */
void
herald_campaign_set_ab_winner_metric (HeraldCampaign *self,
                                      HeraldWinnerMetric ab_winner_metric)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->ab_winner_metric == ab_winner_metric)
    return;

  self->ab_winner_metric = ab_winner_metric;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AB_WINNER_METRIC]);
}

/**
 * herald_campaign_get_ab_wait_hours:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:ab-wait-hours
 */
int
herald_campaign_get_ab_wait_hours (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0);

  return self->ab_wait_hours;
}

/**
 * herald_campaign_set_ab_wait_hours:
 * @self: a #HeraldCampaign
 * @ab_wait_hours: the new value
 *
 * Sets #HeraldCampaign:ab-wait-hours, notifying only when it changes.
 */
void
herald_campaign_set_ab_wait_hours (HeraldCampaign *self,
                                   int ab_wait_hours)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->ab_wait_hours == ab_wait_hours)
    return;

  self->ab_wait_hours = ab_wait_hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AB_WAIT_HOURS]);
}

/**
 * herald_campaign_get_ab_auto_send_winner:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:ab-auto-send-winner
 */
gboolean
herald_campaign_get_ab_auto_send_winner (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), FALSE);

  return self->ab_auto_send_winner;
}

/**
 * herald_campaign_set_ab_auto_send_winner:
 * @self: a #HeraldCampaign
 * @ab_auto_send_winner: the new value
 *
 * Sets #HeraldCampaign:ab-auto-send-winner, notifying only when it changes.
 */
void
herald_campaign_set_ab_auto_send_winner (HeraldCampaign *self,
                                         gboolean ab_auto_send_winner)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->ab_auto_send_winner == !!ab_auto_send_winner)
    return;

  self->ab_auto_send_winner = !!ab_auto_send_winner;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AB_AUTO_SEND_WINNER]);
}

/**
 * herald_campaign_get_ab_confidence_level:
 * @self: a #HeraldCampaign
 *
 * Returns: the value of #HeraldCampaign:ab-confidence-level
 */
double
herald_campaign_get_ab_confidence_level (HeraldCampaign *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), 0.0);

  return self->ab_confidence_level;
}

/**
 * herald_campaign_set_ab_confidence_level:
 * @self: a #HeraldCampaign
 * @ab_confidence_level: the new value
 *
 * Sets #HeraldCampaign:ab-confidence-level, notifying only when it changes.
 */
void
herald_campaign_set_ab_confidence_level (HeraldCampaign *self,
                                         double ab_confidence_level)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN (self));

  if (self->ab_confidence_level == ab_confidence_level)
    return;

  self->ab_confidence_level = ab_confidence_level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AB_CONFIDENCE_LEVEL]);
}
