/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-enums.h: the enumerations of the model.  Their GTypes are made by
 * glib-mkenums (herald-enum-types.h); each nick is exactly the seed's
 * lowercase string, which is also what SQLite and the wire carry. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  HERALD_CAMPAIGN_TYPE_EMAIL,   /*< nick=email >*/
  HERALD_CAMPAIGN_TYPE_SMS,     /*< nick=sms >*/
  HERALD_CAMPAIGN_TYPE_PUSH,    /*< nick=push >*/
  HERALD_CAMPAIGN_TYPE_SOCIAL,  /*< nick=social >*/
} HeraldCampaignType;

typedef enum {
  HERALD_CAMPAIGN_STATUS_DRAFT,      /*< nick=draft >*/
  HERALD_CAMPAIGN_STATUS_SCHEDULED,  /*< nick=scheduled >*/
  HERALD_CAMPAIGN_STATUS_RUNNING,    /*< nick=running >*/
  HERALD_CAMPAIGN_STATUS_PAUSED,     /*< nick=paused >*/
  HERALD_CAMPAIGN_STATUS_COMPLETED,  /*< nick=completed >*/
  HERALD_CAMPAIGN_STATUS_CANCELLED,  /*< nick=cancelled >*/
} HeraldCampaignStatus;

typedef enum {
  HERALD_TEMPLATE_TYPE_EMAIL,  /*< nick=email >*/
  HERALD_TEMPLATE_TYPE_SMS,    /*< nick=sms >*/
  HERALD_TEMPLATE_TYPE_PUSH,   /*< nick=push >*/
} HeraldTemplateType;

typedef enum {
  HERALD_RECIPIENT_STATUS_PENDING,    /*< nick=pending >*/
  HERALD_RECIPIENT_STATUS_SENT,       /*< nick=sent >*/
  HERALD_RECIPIENT_STATUS_DELIVERED,  /*< nick=delivered >*/
  HERALD_RECIPIENT_STATUS_BOUNCED,    /*< nick=bounced >*/
  HERALD_RECIPIENT_STATUS_FAILED,     /*< nick=failed >*/
} HeraldRecipientStatus;

typedef enum {
  HERALD_EVENT_TYPE_SENT,       /*< nick=sent >*/
  HERALD_EVENT_TYPE_DELIVERED,  /*< nick=delivered >*/
  HERALD_EVENT_TYPE_OPENED,     /*< nick=opened >*/
  HERALD_EVENT_TYPE_CLICKED,    /*< nick=clicked >*/
  HERALD_EVENT_TYPE_BOUNCED,    /*< nick=bounced >*/
  HERALD_EVENT_TYPE_CONVERTED,  /*< nick=converted >*/
} HeraldEventType;

/* Which rate decides an A/B test. */
typedef enum {
  HERALD_WINNER_METRIC_OPEN_RATE,        /*< nick=open_rate >*/
  HERALD_WINNER_METRIC_CLICK_RATE,       /*< nick=click_rate >*/
  HERALD_WINNER_METRIC_CONVERSION_RATE,  /*< nick=conversion_rate >*/
} HeraldWinnerMetric;

/* The offline state of a synced row (see DESIGN.md, "Sync"). */
typedef enum {
  HERALD_SYNC_STATE_SYNCED,    /*< nick=synced >*/
  HERALD_SYNC_STATE_CREATED,   /*< nick=created >*/
  HERALD_SYNC_STATE_MODIFIED,  /*< nick=modified >*/
  HERALD_SYNC_STATE_DELETED,   /*< nick=deleted >*/
  HERALD_SYNC_STATE_CONFLICT,  /*< nick=conflict >*/
} HeraldSyncState;

/* Sort keys of the campaign list; each is an indexed SQL expression in the
 * store.  Ties go by insertion order (reversed when descending); a value
 * the list shows as "—" sorts last in both directions. */
typedef enum {
  HERALD_CAMPAIGN_SORT_UPDATED_AT,
  HERALD_CAMPAIGN_SORT_CREATED_AT,
  HERALD_CAMPAIGN_SORT_NAME,          /* ASCII case folded */
  HERALD_CAMPAIGN_SORT_TYPE,          /* email, sms, push, social */
  HERALD_CAMPAIGN_SORT_STATUS,        /* draft … cancelled, the lifecycle's order */
  HERALD_CAMPAIGN_SORT_SCHEDULED_AT,  /* the Schedule column: started_at, else scheduled_at */
  HERALD_CAMPAIGN_SORT_STARTED_AT,
  HERALD_CAMPAIGN_SORT_TARGET_COUNT,
  HERALD_CAMPAIGN_SORT_SENT_COUNT,
  HERALD_CAMPAIGN_SORT_OPEN_RATE,     /* opens / delivered; none for SMS */
  HERALD_CAMPAIGN_SORT_CLICK_RATE,    /* clicks / delivered */
  HERALD_CAMPAIGN_SORT_BUDGET,
  HERALD_CAMPAIGN_SORT_SPENT,
} HeraldCampaignSort;

/* Sort keys of the recipient list of one campaign. */
typedef enum {
  HERALD_RECIPIENT_SORT_ADDED,
  HERALD_RECIPIENT_SORT_ADDRESS,
} HeraldRecipientSort;

/* Translatable names for the UI ("E-Mail", "Entwurf", ...). */
const char *herald_campaign_type_get_display_name     (HeraldCampaignType    type);
const char *herald_campaign_status_get_display_name   (HeraldCampaignStatus  status);
const char *herald_template_type_get_display_name     (HeraldTemplateType    type);
const char *herald_recipient_status_get_display_name  (HeraldRecipientStatus status);
const char *herald_event_type_get_display_name        (HeraldEventType       type);
const char *herald_winner_metric_get_display_name     (HeraldWinnerMetric    metric);
const char *herald_sync_state_get_display_name        (HeraldSyncState       state);

/* The seed's strings, both ways; for any enum GType made by glib-mkenums. */
const char *herald_enum_to_nick   (GType        enum_type,
                                   int          value);
gboolean    herald_enum_from_nick (GType        enum_type,
                                   const char  *nick,
                                   int         *value);

G_END_DECLS
