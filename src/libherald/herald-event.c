/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-event.c: one tracked event of a campaign (the seed's CampaignEvent). */

#include "config.h"

#include <json-glib/json-glib.h>

#include "herald-event.h"
#include "herald-enum-types.h"

struct _HeraldEvent
{
  HeraldRecord parent_instance;

  char *campaign_id;
  char *recipient_id;
  HeraldEventType event_type;
  GDateTime *timestamp;
  char *metadata;
  char *ip_address;
};

G_DEFINE_FINAL_TYPE (HeraldEvent, herald_event, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_RECIPIENT_ID,
  PROP_EVENT_TYPE,
  PROP_TIMESTAMP,
  PROP_METADATA,
  PROP_IP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_event_finalize (GObject *object)
{
  HeraldEvent *self = HERALD_EVENT (object);

  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->recipient_id, g_free);
  g_clear_pointer (&self->timestamp, g_date_time_unref);
  g_clear_pointer (&self->metadata, g_free);
  g_clear_pointer (&self->ip_address, g_free);

  G_OBJECT_CLASS (herald_event_parent_class)->finalize (object);
}

static void
herald_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeraldEvent *self = HERALD_EVENT (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_RECIPIENT_ID:
      g_value_set_string (value, self->recipient_id);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_enum (value, self->event_type);
      break;

    case PROP_TIMESTAMP:
      g_value_set_boxed (value, self->timestamp);
      break;

    case PROP_METADATA:
      g_value_set_string (value, self->metadata);
      break;

    case PROP_IP_ADDRESS:
      g_value_set_string (value, self->ip_address);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_event_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HeraldEvent *self = HERALD_EVENT (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      herald_event_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_RECIPIENT_ID:
      herald_event_set_recipient_id (self, g_value_get_string (value));
      break;

    case PROP_EVENT_TYPE:
      herald_event_set_event_type (self, g_value_get_enum (value));
      break;

    case PROP_TIMESTAMP:
      herald_event_set_timestamp (self, g_value_get_boxed (value));
      break;

    case PROP_METADATA:
      herald_event_set_metadata (self, g_value_get_string (value));
      break;

    case PROP_IP_ADDRESS:
      herald_event_set_ip_address (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_event_class_init (HeraldEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_event_finalize;
  object_class->get_property = herald_event_get_property;
  object_class->set_property = herald_event_set_property;

  record_class->table_name = "events";
  record_class->entity_name = "event";

  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECIPIENT_ID] =
    g_param_spec_string ("recipient-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_TYPE] =
    g_param_spec_enum ("event-type", NULL, NULL,
                       HERALD_TYPE_EVENT_TYPE, HERALD_EVENT_TYPE_SENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMESTAMP] =
    g_param_spec_boxed ("timestamp", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METADATA] =
    g_param_spec_string ("metadata", NULL, NULL,
                         "{}",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IP_ADDRESS] =
    g_param_spec_string ("ip-address", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_event_init (HeraldEvent *self)
{
  self->event_type = HERALD_EVENT_TYPE_SENT;
  self->metadata = g_strdup ("{}");
  self->ip_address = g_strdup ("");
}

/**
 * herald_event_new:
 *
 * Creates an empty record with a fresh UUID and the defaults of every
 * property.
 *
 * Returns: (transfer full): a new #HeraldEvent
 */
HeraldEvent *
herald_event_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_EVENT, "id", id, NULL);
}

/**
 * herald_event_get_campaign_id:
 * @self: a #HeraldEvent
 *
 * Returns: the value of #HeraldEvent:campaign-id
 */
const char *
herald_event_get_campaign_id (HeraldEvent *self)
{
  g_return_val_if_fail (HERALD_IS_EVENT (self), NULL);

  return self->campaign_id;
}

/**
 * herald_event_set_campaign_id:
 * @self: a #HeraldEvent
 * @campaign_id: the new value
 *
 * Sets #HeraldEvent:campaign-id, notifying only when it changes.
 */
void
herald_event_set_campaign_id (HeraldEvent *self,
                              const char *campaign_id)
{
  g_return_if_fail (HERALD_IS_EVENT (self));

  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

/**
 * herald_event_get_recipient_id:
 * @self: a #HeraldEvent
 *
 * Returns: the value of #HeraldEvent:recipient-id
 */
const char *
herald_event_get_recipient_id (HeraldEvent *self)
{
  g_return_val_if_fail (HERALD_IS_EVENT (self), NULL);

  return self->recipient_id;
}

/**
 * herald_event_set_recipient_id:
 * @self: a #HeraldEvent
 * @recipient_id: the new value
 *
 * Sets #HeraldEvent:recipient-id, notifying only when it changes.
 */
void
herald_event_set_recipient_id (HeraldEvent *self,
                               const char *recipient_id)
{
  g_return_if_fail (HERALD_IS_EVENT (self));

  if (g_strcmp0 (self->recipient_id, recipient_id) == 0)
    return;

  g_free (self->recipient_id);
  self->recipient_id = g_strdup (recipient_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_ID]);
}

/**
 * herald_event_get_event_type:
 * @self: a #HeraldEvent
 *
 * Returns: the value of #HeraldEvent:event-type
 */
HeraldEventType
herald_event_get_event_type (HeraldEvent *self)
{
  g_return_val_if_fail (HERALD_IS_EVENT (self), 0);

  return self->event_type;
}

/**
 * herald_event_set_event_type:
 * @self: a #HeraldEvent
 * @event_type: the new value
 *
 * Sets #HeraldEvent:event-type, notifying only when it changes.
 */
void
herald_event_set_event_type (HeraldEvent *self,
                             HeraldEventType event_type)
{
  g_return_if_fail (HERALD_IS_EVENT (self));

  if (self->event_type == event_type)
    return;

  self->event_type = event_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_TYPE]);
}

/**
 * herald_event_get_timestamp:
 * @self: a #HeraldEvent
 *
 * Returns: the value of #HeraldEvent:timestamp
 */

GDateTime *
herald_event_get_timestamp (HeraldEvent *self)
{
  g_return_val_if_fail (HERALD_IS_EVENT (self), NULL);

  return self->timestamp;
}

/**
 * herald_event_set_timestamp:
 * @self: a #HeraldEvent
 * @timestamp: the new value
 *
 * Sets #HeraldEvent:timestamp, notifying only when it changes.
 */
void
herald_event_set_timestamp (HeraldEvent *self,
                            GDateTime *timestamp)
{
  g_return_if_fail (HERALD_IS_EVENT (self));

  if (self->timestamp == timestamp
      || (self->timestamp != NULL && timestamp != NULL && g_date_time_equal (self->timestamp, timestamp)))
    return;

  g_clear_pointer (&self->timestamp, g_date_time_unref);
  if (timestamp != NULL)
    self->timestamp = g_date_time_ref (timestamp);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMESTAMP]);
}

/**
 * herald_event_get_metadata:
 * @self: a #HeraldEvent
 *
 * Returns: the value of #HeraldEvent:metadata
 */
const char *
herald_event_get_metadata (HeraldEvent *self)
{
  g_return_val_if_fail (HERALD_IS_EVENT (self), NULL);

  return self->metadata;
}

/**
 * herald_event_set_metadata:
 * @self: a #HeraldEvent
 * @metadata: the new value
 *
 * Sets #HeraldEvent:metadata, notifying only when it changes.
 */
void
herald_event_set_metadata (HeraldEvent *self,
                           const char *metadata)
{
  g_return_if_fail (HERALD_IS_EVENT (self));

  if (g_strcmp0 (self->metadata, metadata) == 0)
    return;

  g_free (self->metadata);
  self->metadata = g_strdup (metadata);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METADATA]);
}

/**
 * herald_event_get_ip_address:
 * @self: a #HeraldEvent
 *
 * Returns: the value of #HeraldEvent:ip-address
 */
const char *
herald_event_get_ip_address (HeraldEvent *self)
{
  g_return_val_if_fail (HERALD_IS_EVENT (self), NULL);

  return self->ip_address;
}

/**
 * herald_event_set_ip_address:
 * @self: a #HeraldEvent
 * @ip_address: the new value
 *
 * Sets #HeraldEvent:ip-address, notifying only when it changes.
 */
void
herald_event_set_ip_address (HeraldEvent *self,
                             const char *ip_address)
{
  g_return_if_fail (HERALD_IS_EVENT (self));

  if (g_strcmp0 (self->ip_address, ip_address) == 0)
    return;

  g_free (self->ip_address);
  self->ip_address = g_strdup (ip_address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IP_ADDRESS]);
}

/**
 * herald_event_is_machine_open:
 * @self: a #HeraldEvent
 *
 * Whether the event is an open by a machine rather than a person: an
 * "opened" event whose metadata has `"machine_open": true`, as the CRM
 * marks the opens of Apple Mail Privacy Protection's proxy
 * (`"machine_kind": "apple_mpp"`) and of security scanners
 * (`"machine_kind": "scanner"`).  Such opens are counted apart
 * (#HeraldPerformanceDay:machine-open-count) and in no rate.
 *
 * Returns: %TRUE for a machine open
 */
gboolean
herald_event_is_machine_open (HeraldEvent *self)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonNode *flag;

  g_return_val_if_fail (HERALD_IS_EVENT (self), FALSE);

  if (self->event_type != HERALD_EVENT_TYPE_OPENED || self->metadata == NULL)
    return FALSE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, self->metadata, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  flag = json_object_get_member (json_node_get_object (root), "machine_open");
  return flag != NULL && JSON_NODE_HOLDS_VALUE (flag)
         && json_node_get_value_type (flag) == G_TYPE_BOOLEAN && json_node_get_boolean (flag);
}
