/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-variant.c: one A/B test variant of a campaign (the seed's CampaignABTest). */

#include "config.h"

#include "herald-variant.h"
#include "herald-enum-types.h"

struct _HeraldVariant
{
  HeraldRecord parent_instance;

  char *campaign_id;
  char *variant_name;
  char *subject;
  char *body_template;
  gint64 sent_count;
  gint64 delivered_count;
  gint64 open_count;
  gint64 click_count;
  gint64 conversion_count;
  gboolean is_winner;
};

G_DEFINE_FINAL_TYPE (HeraldVariant, herald_variant, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_VARIANT_NAME,
  PROP_SUBJECT,
  PROP_BODY_TEMPLATE,
  PROP_SENT_COUNT,
  PROP_DELIVERED_COUNT,
  PROP_OPEN_COUNT,
  PROP_CLICK_COUNT,
  PROP_CONVERSION_COUNT,
  PROP_IS_WINNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_variant_finalize (GObject *object)
{
  HeraldVariant *self = HERALD_VARIANT (object);

  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->variant_name, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->body_template, g_free);

  G_OBJECT_CLASS (herald_variant_parent_class)->finalize (object);
}

static void
herald_variant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeraldVariant *self = HERALD_VARIANT (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_VARIANT_NAME:
      g_value_set_string (value, self->variant_name);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_BODY_TEMPLATE:
      g_value_set_string (value, self->body_template);
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

    case PROP_IS_WINNER:
      g_value_set_boolean (value, self->is_winner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_variant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeraldVariant *self = HERALD_VARIANT (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      herald_variant_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_VARIANT_NAME:
      herald_variant_set_variant_name (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      herald_variant_set_subject (self, g_value_get_string (value));
      break;

    case PROP_BODY_TEMPLATE:
      herald_variant_set_body_template (self, g_value_get_string (value));
      break;

    case PROP_SENT_COUNT:
      herald_variant_set_sent_count (self, g_value_get_int64 (value));
      break;

    case PROP_DELIVERED_COUNT:
      herald_variant_set_delivered_count (self, g_value_get_int64 (value));
      break;

    case PROP_OPEN_COUNT:
      herald_variant_set_open_count (self, g_value_get_int64 (value));
      break;

    case PROP_CLICK_COUNT:
      herald_variant_set_click_count (self, g_value_get_int64 (value));
      break;

    case PROP_CONVERSION_COUNT:
      herald_variant_set_conversion_count (self, g_value_get_int64 (value));
      break;

    case PROP_IS_WINNER:
      herald_variant_set_is_winner (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_variant_class_init (HeraldVariantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_variant_finalize;
  object_class->get_property = herald_variant_get_property;
  object_class->set_property = herald_variant_set_property;

  record_class->table_name = "variants";
  record_class->entity_name = "variant";

  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VARIANT_NAME] =
    g_param_spec_string ("variant-name", NULL, NULL,
                         "A",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY_TEMPLATE] =
    g_param_spec_string ("body-template", NULL, NULL,
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
  properties[PROP_IS_WINNER] =
    g_param_spec_boolean ("is-winner", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_variant_init (HeraldVariant *self)
{
  self->variant_name = g_strdup ("A");
  self->subject = g_strdup ("");
  self->body_template = g_strdup ("");
}

/**
 * herald_variant_new:
 *
 * Creates an empty record with a fresh UUID and the defaults of every
 * property.
 *
 * Returns: (transfer full): a new #HeraldVariant
 */
HeraldVariant *
herald_variant_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_VARIANT, "id", id, NULL);
}

/**
 * herald_variant_get_campaign_id:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:campaign-id
 */
const char *
herald_variant_get_campaign_id (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), NULL);

  return self->campaign_id;
}

/**
 * herald_variant_set_campaign_id:
 * @self: a #HeraldVariant
 * @campaign_id: the new value
 *
 * Sets #HeraldVariant:campaign-id, notifying only when it changes.
 */
void
herald_variant_set_campaign_id (HeraldVariant *self,
                                const char *campaign_id)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

/**
 * herald_variant_get_variant_name:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:variant-name
 */
const char *
herald_variant_get_variant_name (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), NULL);

  return self->variant_name;
}

/**
 * herald_variant_set_variant_name:
 * @self: a #HeraldVariant
 * @variant_name: the new value
 *
 * Sets #HeraldVariant:variant-name, notifying only when it changes.
 */
void
herald_variant_set_variant_name (HeraldVariant *self,
                                 const char *variant_name)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (g_strcmp0 (self->variant_name, variant_name) == 0)
    return;

  g_free (self->variant_name);
  self->variant_name = g_strdup (variant_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT_NAME]);
}

/**
 * herald_variant_get_subject:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:subject
 */
const char *
herald_variant_get_subject (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), NULL);

  return self->subject;
}

/**
 * herald_variant_set_subject:
 * @self: a #HeraldVariant
 * @subject: the new value
 *
 * Sets #HeraldVariant:subject, notifying only when it changes.
 */
void
herald_variant_set_subject (HeraldVariant *self,
                            const char *subject)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (g_strcmp0 (self->subject, subject) == 0)
    return;

  g_free (self->subject);
  self->subject = g_strdup (subject);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

/**
 * herald_variant_get_body_template:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:body-template
 */
const char *
herald_variant_get_body_template (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), NULL);

  return self->body_template;
}

/**
 * herald_variant_set_body_template:
 * @self: a #HeraldVariant
 * @body_template: the new value
 *
 * Sets #HeraldVariant:body-template, notifying only when it changes.
 */
void
herald_variant_set_body_template (HeraldVariant *self,
                                  const char *body_template)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (g_strcmp0 (self->body_template, body_template) == 0)
    return;

  g_free (self->body_template);
  self->body_template = g_strdup (body_template);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_TEMPLATE]);
}

/**
 * herald_variant_get_sent_count:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:sent-count
 */
gint64
herald_variant_get_sent_count (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), 0);

  return self->sent_count;
}

/**
 * herald_variant_set_sent_count:
 * @self: a #HeraldVariant
 * @sent_count: the new value
 *
 * Sets #HeraldVariant:sent-count, notifying only when it changes.
 */
void
herald_variant_set_sent_count (HeraldVariant *self,
                               gint64 sent_count)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (self->sent_count == sent_count)
    return;

  self->sent_count = sent_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT_COUNT]);
}

/**
 * herald_variant_get_delivered_count:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:delivered-count
 */
gint64
herald_variant_get_delivered_count (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), 0);

  return self->delivered_count;
}

/**
 * herald_variant_set_delivered_count:
 * @self: a #HeraldVariant
 * @delivered_count: the new value
 *
 * Sets #HeraldVariant:delivered-count, notifying only when it changes.
 */
void
herald_variant_set_delivered_count (HeraldVariant *self,
                                    gint64 delivered_count)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (self->delivered_count == delivered_count)
    return;

  self->delivered_count = delivered_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED_COUNT]);
}

/**
 * herald_variant_get_open_count:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:open-count
 */
gint64
herald_variant_get_open_count (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), 0);

  return self->open_count;
}

/**
 * herald_variant_set_open_count:
 * @self: a #HeraldVariant
 * @open_count: the new value
 *
 * Sets #HeraldVariant:open-count, notifying only when it changes.
 */
void
herald_variant_set_open_count (HeraldVariant *self,
                               gint64 open_count)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (self->open_count == open_count)
    return;

  self->open_count = open_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
}

/**
 * herald_variant_get_click_count:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:click-count
 */
gint64
herald_variant_get_click_count (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), 0);

  return self->click_count;
}

/**
 * herald_variant_set_click_count:
 * @self: a #HeraldVariant
 * @click_count: the new value
 *
 * Sets #HeraldVariant:click-count, notifying only when it changes.
 */
void
herald_variant_set_click_count (HeraldVariant *self,
                                gint64 click_count)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (self->click_count == click_count)
    return;

  self->click_count = click_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICK_COUNT]);
}

/**
 * herald_variant_get_conversion_count:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:conversion-count
 */
gint64
herald_variant_get_conversion_count (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), 0);

  return self->conversion_count;
}

/**
 * herald_variant_set_conversion_count:
 * @self: a #HeraldVariant
 * @conversion_count: the new value
 *
 * Sets #HeraldVariant:conversion-count, notifying only when it changes.
 */
void
herald_variant_set_conversion_count (HeraldVariant *self,
                                     gint64 conversion_count)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (self->conversion_count == conversion_count)
    return;

  self->conversion_count = conversion_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSION_COUNT]);
}

/**
 * herald_variant_get_is_winner:
 * @self: a #HeraldVariant
 *
 * Returns: the value of #HeraldVariant:is-winner
 */
gboolean
herald_variant_get_is_winner (HeraldVariant *self)
{
  g_return_val_if_fail (HERALD_IS_VARIANT (self), FALSE);

  return self->is_winner;
}

/**
 * herald_variant_set_is_winner:
 * @self: a #HeraldVariant
 * @is_winner: the new value
 *
 * Sets #HeraldVariant:is-winner, notifying only when it changes.
 */
void
herald_variant_set_is_winner (HeraldVariant *self,
                              gboolean is_winner)
{
  g_return_if_fail (HERALD_IS_VARIANT (self));

  if (self->is_winner == !!is_winner)
    return;

  self->is_winner = !!is_winner;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_WINNER]);
}
