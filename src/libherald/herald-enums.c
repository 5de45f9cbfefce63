/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-enums.c: display names and seed strings of the model's enums. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-enums.h"
#include "herald-enum-types.h"

/**
 * herald_campaign_type_get_display_name:
 * @type: a campaign type
 *
 * Returns: the translated name to show for @type
 */
const char *
herald_campaign_type_get_display_name (HeraldCampaignType type)
{
  switch (type)
    {
    case HERALD_CAMPAIGN_TYPE_EMAIL:
      return C_("campaign type", "Email");
    case HERALD_CAMPAIGN_TYPE_SMS:
      return C_("campaign type", "SMS");
    case HERALD_CAMPAIGN_TYPE_PUSH:
      return C_("campaign type", "Push");
    case HERALD_CAMPAIGN_TYPE_SOCIAL:
      return C_("campaign type", "Social");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_campaign_status_get_display_name:
 * @status: a campaign status
 *
 * Returns: the translated name to show for @status
 */
const char *
herald_campaign_status_get_display_name (HeraldCampaignStatus status)
{
  switch (status)
    {
    case HERALD_CAMPAIGN_STATUS_DRAFT:
      return C_("campaign status", "Draft");
    case HERALD_CAMPAIGN_STATUS_SCHEDULED:
      return C_("campaign status", "Scheduled");
    case HERALD_CAMPAIGN_STATUS_RUNNING:
      return C_("campaign status", "Running");
    case HERALD_CAMPAIGN_STATUS_PAUSED:
      return C_("campaign status", "Paused");
    case HERALD_CAMPAIGN_STATUS_COMPLETED:
      return C_("campaign status", "Completed");
    case HERALD_CAMPAIGN_STATUS_CANCELLED:
      return C_("campaign status", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_template_type_get_display_name:
 * @type: a template type
 *
 * Returns: the translated name to show for @type
 */
const char *
herald_template_type_get_display_name (HeraldTemplateType type)
{
  switch (type)
    {
    case HERALD_TEMPLATE_TYPE_EMAIL:
      return C_("template type", "Email");
    case HERALD_TEMPLATE_TYPE_SMS:
      return C_("template type", "SMS");
    case HERALD_TEMPLATE_TYPE_PUSH:
      return C_("template type", "Push");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_recipient_status_get_display_name:
 * @status: a recipient status
 *
 * Returns: the translated name to show for @status
 */
const char *
herald_recipient_status_get_display_name (HeraldRecipientStatus status)
{
  switch (status)
    {
    case HERALD_RECIPIENT_STATUS_PENDING:
      return C_("recipient status", "Pending");
    case HERALD_RECIPIENT_STATUS_SENT:
      return C_("recipient status", "Sent");
    case HERALD_RECIPIENT_STATUS_DELIVERED:
      return C_("recipient status", "Delivered");
    case HERALD_RECIPIENT_STATUS_BOUNCED:
      return C_("recipient status", "Bounced");
    case HERALD_RECIPIENT_STATUS_FAILED:
      return C_("recipient status", "Failed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_event_type_get_display_name:
 * @type: an event type
 *
 * Returns: the translated name to show for @type
 */
const char *
herald_event_type_get_display_name (HeraldEventType type)
{
  switch (type)
    {
    case HERALD_EVENT_TYPE_SENT:
      return C_("event type", "Sent");
    case HERALD_EVENT_TYPE_DELIVERED:
      return C_("event type", "Delivered");
    case HERALD_EVENT_TYPE_OPENED:
      return C_("event type", "Opened");
    case HERALD_EVENT_TYPE_CLICKED:
      return C_("event type", "Clicked");
    case HERALD_EVENT_TYPE_BOUNCED:
      return C_("event type", "Bounced");
    case HERALD_EVENT_TYPE_CONVERTED:
      return C_("event type", "Converted");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_winner_metric_get_display_name:
 * @metric: a winner metric
 *
 * Returns: the translated name to show for @metric
 */
const char *
herald_winner_metric_get_display_name (HeraldWinnerMetric metric)
{
  switch (metric)
    {
    case HERALD_WINNER_METRIC_OPEN_RATE:
      return _("Open rate");
    case HERALD_WINNER_METRIC_CLICK_RATE:
      return _("Click rate");
    case HERALD_WINNER_METRIC_CONVERSION_RATE:
      return _("Conversion rate");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_sync_state_get_display_name:
 * @state: a sync state
 *
 * Returns: the translated name to show for @state
 */
const char *
herald_sync_state_get_display_name (HeraldSyncState state)
{
  switch (state)
    {
    case HERALD_SYNC_STATE_SYNCED:
      return C_("sync state", "Synced");
    case HERALD_SYNC_STATE_CREATED:
      return C_("sync state", "New, not yet synced");
    case HERALD_SYNC_STATE_MODIFIED:
      return C_("sync state", "Changed, not yet synced");
    case HERALD_SYNC_STATE_DELETED:
      return C_("sync state", "Deleted, not yet synced");
    case HERALD_SYNC_STATE_CONFLICT:
      return C_("sync state", "Conflict");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * herald_enum_to_nick:
 * @enum_type: an enum GType
 * @value: one of its values
 *
 * Returns: (nullable): the nick of @value (the seed's string), or %NULL
 */
const char *
herald_enum_to_nick (GType enum_type,
                     int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);
  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * herald_enum_from_nick:
 * @enum_type: an enum GType
 * @nick: (nullable): a seed string such as "draft"
 * @value: (out): the value
 *
 * Returns: whether @nick names a value of @enum_type
 */
gboolean
herald_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}
