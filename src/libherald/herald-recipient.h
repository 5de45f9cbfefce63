/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-recipient.h: one addressee of a campaign (the seed's CampaignRecipient). */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_RECIPIENT (herald_recipient_get_type ())
G_DECLARE_FINAL_TYPE (HeraldRecipient, herald_recipient, HERALD, RECIPIENT, HeraldRecord)

HeraldRecipient *     herald_recipient_new              (void);
const char *          herald_recipient_get_campaign_id  (HeraldRecipient *self);
void                  herald_recipient_set_campaign_id  (HeraldRecipient *self, const char *campaign_id);
const char *          herald_recipient_get_contact_id   (HeraldRecipient *self);
void                  herald_recipient_set_contact_id   (HeraldRecipient *self, const char *contact_id);
const char *          herald_recipient_get_address      (HeraldRecipient *self);
void                  herald_recipient_set_address      (HeraldRecipient *self, const char *address);
HeraldRecipientStatus herald_recipient_get_status       (HeraldRecipient *self);
void                  herald_recipient_set_status       (HeraldRecipient *self, HeraldRecipientStatus status);
GDateTime *           herald_recipient_get_sent_at      (HeraldRecipient *self);
void                  herald_recipient_set_sent_at      (HeraldRecipient *self, GDateTime *sent_at);
GDateTime *           herald_recipient_get_delivered_at (HeraldRecipient *self);
void                  herald_recipient_set_delivered_at (HeraldRecipient *self, GDateTime *delivered_at);
GDateTime *           herald_recipient_get_opened_at    (HeraldRecipient *self);
void                  herald_recipient_set_opened_at    (HeraldRecipient *self, GDateTime *opened_at);
GDateTime *           herald_recipient_get_clicked_at   (HeraldRecipient *self);
void                  herald_recipient_set_clicked_at   (HeraldRecipient *self, GDateTime *clicked_at);
GDateTime *           herald_recipient_get_converted_at (HeraldRecipient *self);
void                  herald_recipient_set_converted_at (HeraldRecipient *self, GDateTime *converted_at);
gint64                herald_recipient_get_open_count   (HeraldRecipient *self);
void                  herald_recipient_set_open_count   (HeraldRecipient *self, gint64 open_count);
gint64                herald_recipient_get_click_count  (HeraldRecipient *self);
void                  herald_recipient_set_click_count  (HeraldRecipient *self, gint64 click_count);
const char *          herald_recipient_get_variant      (HeraldRecipient *self);
void                  herald_recipient_set_variant      (HeraldRecipient *self, const char *variant);

G_END_DECLS
