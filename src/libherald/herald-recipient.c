/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-recipient.c: one addressee of a campaign (the seed's CampaignRecipient). */

#include "config.h"

#include "herald-recipient.h"
#include "herald-enum-types.h"

struct _HeraldRecipient
{
  HeraldRecord parent_instance;

  char *campaign_id;
  char *contact_id;
  char *address;
  HeraldRecipientStatus status;
  GDateTime *sent_at;
  GDateTime *delivered_at;
  GDateTime *opened_at;
  GDateTime *clicked_at;
  GDateTime *converted_at;
  gint64 open_count;
  gint64 click_count;
  char *variant;
};

G_DEFINE_FINAL_TYPE (HeraldRecipient, herald_recipient, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_CONTACT_ID,
  PROP_ADDRESS,
  PROP_STATUS,
  PROP_SENT_AT,
  PROP_DELIVERED_AT,
  PROP_OPENED_AT,
  PROP_CLICKED_AT,
  PROP_CONVERTED_AT,
  PROP_OPEN_COUNT,
  PROP_CLICK_COUNT,
  PROP_VARIANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_recipient_finalize (GObject *object)
{
  HeraldRecipient *self = HERALD_RECIPIENT (object);

  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->contact_id, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->delivered_at, g_date_time_unref);
  g_clear_pointer (&self->opened_at, g_date_time_unref);
  g_clear_pointer (&self->clicked_at, g_date_time_unref);
  g_clear_pointer (&self->converted_at, g_date_time_unref);
  g_clear_pointer (&self->variant, g_free);

  G_OBJECT_CLASS (herald_recipient_parent_class)->finalize (object);
}

static void
herald_recipient_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeraldRecipient *self = HERALD_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_CONTACT_ID:
      g_value_set_string (value, self->contact_id);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SENT_AT:
      g_value_set_boxed (value, self->sent_at);
      break;

    case PROP_DELIVERED_AT:
      g_value_set_boxed (value, self->delivered_at);
      break;

    case PROP_OPENED_AT:
      g_value_set_boxed (value, self->opened_at);
      break;

    case PROP_CLICKED_AT:
      g_value_set_boxed (value, self->clicked_at);
      break;

    case PROP_CONVERTED_AT:
      g_value_set_boxed (value, self->converted_at);
      break;

    case PROP_OPEN_COUNT:
      g_value_set_int64 (value, self->open_count);
      break;

    case PROP_CLICK_COUNT:
      g_value_set_int64 (value, self->click_count);
      break;

    case PROP_VARIANT:
      g_value_set_string (value, self->variant);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_recipient_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HeraldRecipient *self = HERALD_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      herald_recipient_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_ID:
      herald_recipient_set_contact_id (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      herald_recipient_set_address (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      herald_recipient_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SENT_AT:
      herald_recipient_set_sent_at (self, g_value_get_boxed (value));
      break;

    case PROP_DELIVERED_AT:
      herald_recipient_set_delivered_at (self, g_value_get_boxed (value));
      break;

    case PROP_OPENED_AT:
      herald_recipient_set_opened_at (self, g_value_get_boxed (value));
      break;

    case PROP_CLICKED_AT:
      herald_recipient_set_clicked_at (self, g_value_get_boxed (value));
      break;

    case PROP_CONVERTED_AT:
      herald_recipient_set_converted_at (self, g_value_get_boxed (value));
      break;

    case PROP_OPEN_COUNT:
      herald_recipient_set_open_count (self, g_value_get_int64 (value));
      break;

    case PROP_CLICK_COUNT:
      herald_recipient_set_click_count (self, g_value_get_int64 (value));
      break;

    case PROP_VARIANT:
      herald_recipient_set_variant (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_recipient_class_init (HeraldRecipientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_recipient_finalize;
  object_class->get_property = herald_recipient_get_property;
  object_class->set_property = herald_recipient_set_property;

  record_class->table_name = "recipients";
  record_class->entity_name = "recipient";

  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_string ("contact-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       HERALD_TYPE_RECIPIENT_STATUS, HERALD_RECIPIENT_STATUS_PENDING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT_AT] =
    g_param_spec_boxed ("sent-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELIVERED_AT] =
    g_param_spec_boxed ("delivered-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENED_AT] =
    g_param_spec_boxed ("opened-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLICKED_AT] =
    g_param_spec_boxed ("clicked-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONVERTED_AT] =
    g_param_spec_boxed ("converted-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_COUNT] =
    g_param_spec_int64 ("open-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLICK_COUNT] =
    g_param_spec_int64 ("click-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VARIANT] =
    g_param_spec_string ("variant", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_recipient_init (HeraldRecipient *self)
{
  self->address = g_strdup ("");
  self->status = HERALD_RECIPIENT_STATUS_PENDING;
  self->variant = g_strdup ("");
}

/**
 * herald_recipient_new:
 *
 * Creates an empty record with a fresh UUID and the defaults of every
 * property.
 *
 * Returns: (transfer full): a new #HeraldRecipient
 */
HeraldRecipient *
herald_recipient_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_RECIPIENT, "id", id, NULL);
}

/**
 * herald_recipient_get_campaign_id:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:campaign-id
 */
const char *
herald_recipient_get_campaign_id (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->campaign_id;
}

/**
 * herald_recipient_set_campaign_id:
 * @self: a #HeraldRecipient
 * @campaign_id: the new value
 *
 * Sets #HeraldRecipient:campaign-id, notifying only when it changes.
 */
void
herald_recipient_set_campaign_id (HeraldRecipient *self,
                                  const char *campaign_id)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

/**
 * herald_recipient_get_contact_id:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:contact-id
 */
const char *
herald_recipient_get_contact_id (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->contact_id;
}

/**
 * herald_recipient_set_contact_id:
 * @self: a #HeraldRecipient
 * @contact_id: the new value
 *
 * Sets #HeraldRecipient:contact-id, notifying only when it changes.
 */
void
herald_recipient_set_contact_id (HeraldRecipient *self,
                                 const char *contact_id)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (g_strcmp0 (self->contact_id, contact_id) == 0)
    return;

  g_free (self->contact_id);
  self->contact_id = g_strdup (contact_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

/**
 * herald_recipient_get_address:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:address
 */
const char *
herald_recipient_get_address (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->address;
}

/**
 * herald_recipient_set_address:
 * @self: a #HeraldRecipient
 * @address: the new value
 *
 * Sets #HeraldRecipient:address, notifying only when it changes.
 */
void
herald_recipient_set_address (HeraldRecipient *self,
                              const char *address)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (g_strcmp0 (self->address, address) == 0)
    return;

  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

/**
 * herald_recipient_get_status:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:status
 */
HeraldRecipientStatus
herald_recipient_get_status (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), 0);

  return self->status;
}

/**
 * herald_recipient_set_status:
 * @self: a #HeraldRecipient
 * @status: the new value
 *
 * Sets #HeraldRecipient:status, notifying only when it changes.
 */
void
herald_recipient_set_status (HeraldRecipient *self,
                             HeraldRecipientStatus status)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * herald_recipient_get_sent_at:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:sent-at
 */

GDateTime *
herald_recipient_get_sent_at (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->sent_at;
}

/**
 * herald_recipient_set_sent_at:
 * @self: a #HeraldRecipient
 * @sent_at: the new value
 *
 * Sets #HeraldRecipient:sent-at, notifying only when it changes.
 */
void
herald_recipient_set_sent_at (HeraldRecipient *self,
                              GDateTime *sent_at)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->sent_at == sent_at
      || (self->sent_at != NULL && sent_at != NULL && g_date_time_equal (self->sent_at, sent_at)))
    return;

  g_clear_pointer (&self->sent_at, g_date_time_unref);
  if (sent_at != NULL)
    self->sent_at = g_date_time_ref (sent_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT_AT]);
}

/**
 * herald_recipient_get_delivered_at:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:delivered-at
 */

GDateTime *
herald_recipient_get_delivered_at (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->delivered_at;
}

/**
 * herald_recipient_set_delivered_at:
 * @self: a #HeraldRecipient
 * @delivered_at: the new value
 *
 * Sets #HeraldRecipient:delivered-at, notifying only when it changes.
 */
void
herald_recipient_set_delivered_at (HeraldRecipient *self,
                                   GDateTime *delivered_at)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->delivered_at == delivered_at
      || (self->delivered_at != NULL && delivered_at != NULL && g_date_time_equal (self->delivered_at, delivered_at)))
    return;

  g_clear_pointer (&self->delivered_at, g_date_time_unref);
  if (delivered_at != NULL)
    self->delivered_at = g_date_time_ref (delivered_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED_AT]);
}

/**
 * herald_recipient_get_opened_at:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:opened-at
 */

GDateTime *
herald_recipient_get_opened_at (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->opened_at;
}

/**
 * herald_recipient_set_opened_at:
 * @self: a #HeraldRecipient
 * @opened_at: the new value
 *
 * Sets #HeraldRecipient:opened-at, notifying only when it changes.
 */
void
herald_recipient_set_opened_at (HeraldRecipient *self,
                                GDateTime *opened_at)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->opened_at == opened_at
      || (self->opened_at != NULL && opened_at != NULL && g_date_time_equal (self->opened_at, opened_at)))
    return;

  g_clear_pointer (&self->opened_at, g_date_time_unref);
  if (opened_at != NULL)
    self->opened_at = g_date_time_ref (opened_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_AT]);
}

/**
 * herald_recipient_get_clicked_at:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:clicked-at
 */

GDateTime *
herald_recipient_get_clicked_at (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->clicked_at;
}

/**
 * herald_recipient_set_clicked_at:
 * @self: a #HeraldRecipient
 * @clicked_at: the new value
 *
 * Sets #HeraldRecipient:clicked-at, notifying only when it changes.
 */
void
herald_recipient_set_clicked_at (HeraldRecipient *self,
                                 GDateTime *clicked_at)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->clicked_at == clicked_at
      || (self->clicked_at != NULL && clicked_at != NULL && g_date_time_equal (self->clicked_at, clicked_at)))
    return;

  g_clear_pointer (&self->clicked_at, g_date_time_unref);
  if (clicked_at != NULL)
    self->clicked_at = g_date_time_ref (clicked_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICKED_AT]);
}

/**
 * herald_recipient_get_converted_at:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:converted-at
 */

GDateTime *
herald_recipient_get_converted_at (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->converted_at;
}

/**
 * herald_recipient_set_converted_at:
 * @self: a #HeraldRecipient
 * @converted_at: the new value
 *
 * Sets #HeraldRecipient:converted-at, notifying only when it changes.
 */
void
herald_recipient_set_converted_at (HeraldRecipient *self,
                                   GDateTime *converted_at)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->converted_at == converted_at
      || (self->converted_at != NULL && converted_at != NULL && g_date_time_equal (self->converted_at, converted_at)))
    return;

  g_clear_pointer (&self->converted_at, g_date_time_unref);
  if (converted_at != NULL)
    self->converted_at = g_date_time_ref (converted_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERTED_AT]);
}

/**
 * herald_recipient_get_open_count:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:open-count
 */
gint64
herald_recipient_get_open_count (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), 0);

  return self->open_count;
}

/**
 * herald_recipient_set_open_count:
 * @self: a #HeraldRecipient
 * @open_count: the new value
 *
 * Sets #HeraldRecipient:open-count, notifying only when it changes.
 */
void
herald_recipient_set_open_count (HeraldRecipient *self,
                                 gint64 open_count)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->open_count == open_count)
    return;

  self->open_count = open_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COUNT]);
}

/**
 * herald_recipient_get_click_count:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:click-count
 */
gint64
herald_recipient_get_click_count (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), 0);

  return self->click_count;
}

/**
 * herald_recipient_set_click_count:
 * @self: a #HeraldRecipient
 * @click_count: the new value
 *
 * Sets #HeraldRecipient:click-count, notifying only when it changes.
 */
void
herald_recipient_set_click_count (HeraldRecipient *self,
                                  gint64 click_count)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (self->click_count == click_count)
    return;

  self->click_count = click_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICK_COUNT]);
}

/**
 * herald_recipient_get_variant:
 * @self: a #HeraldRecipient
 *
 * Returns: the value of #HeraldRecipient:variant
 */
const char *
herald_recipient_get_variant (HeraldRecipient *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT (self), NULL);

  return self->variant;
}

/**
 * herald_recipient_set_variant:
 * @self: a #HeraldRecipient
 * @variant: the new value
 *
 * Sets #HeraldRecipient:variant, notifying only when it changes.
 */
void
herald_recipient_set_variant (HeraldRecipient *self,
                              const char *variant)
{
  g_return_if_fail (HERALD_IS_RECIPIENT (self));

  if (g_strcmp0 (self->variant, variant) == 0)
    return;

  g_free (self->variant);
  self->variant = g_strdup (variant);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
}
