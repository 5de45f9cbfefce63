/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-event.h: one tracked event of a campaign (the seed's CampaignEvent). */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_EVENT (herald_event_get_type ())
G_DECLARE_FINAL_TYPE (HeraldEvent, herald_event, HERALD, EVENT, HeraldRecord)

HeraldEvent *   herald_event_new              (void);
const char *    herald_event_get_campaign_id  (HeraldEvent *self);
void            herald_event_set_campaign_id  (HeraldEvent *self, const char *campaign_id);
const char *    herald_event_get_recipient_id (HeraldEvent *self);
void            herald_event_set_recipient_id (HeraldEvent *self, const char *recipient_id);
HeraldEventType herald_event_get_event_type   (HeraldEvent *self);
void            herald_event_set_event_type   (HeraldEvent *self, HeraldEventType event_type);
GDateTime *     herald_event_get_timestamp    (HeraldEvent *self);
void            herald_event_set_timestamp    (HeraldEvent *self, GDateTime *timestamp);
const char *    herald_event_get_metadata     (HeraldEvent *self);
void            herald_event_set_metadata     (HeraldEvent *self, const char *metadata);
const char *    herald_event_get_ip_address   (HeraldEvent *self);
void            herald_event_set_ip_address   (HeraldEvent *self, const char *ip_address);
gboolean        herald_event_is_machine_open  (HeraldEvent *self);

G_END_DECLS
