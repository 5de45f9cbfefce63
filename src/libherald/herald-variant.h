/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-variant.h: one A/B test variant of a campaign (the seed's CampaignABTest). */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_VARIANT (herald_variant_get_type ())
G_DECLARE_FINAL_TYPE (HeraldVariant, herald_variant, HERALD, VARIANT, HeraldRecord)

HeraldVariant *herald_variant_new                  (void);
const char *   herald_variant_get_campaign_id      (HeraldVariant *self);
void           herald_variant_set_campaign_id      (HeraldVariant *self, const char *campaign_id);
const char *   herald_variant_get_variant_name     (HeraldVariant *self);
void           herald_variant_set_variant_name     (HeraldVariant *self, const char *variant_name);
const char *   herald_variant_get_subject          (HeraldVariant *self);
void           herald_variant_set_subject          (HeraldVariant *self, const char *subject);
const char *   herald_variant_get_body_template    (HeraldVariant *self);
void           herald_variant_set_body_template    (HeraldVariant *self, const char *body_template);
gint64         herald_variant_get_sent_count       (HeraldVariant *self);
void           herald_variant_set_sent_count       (HeraldVariant *self, gint64 sent_count);
gint64         herald_variant_get_delivered_count  (HeraldVariant *self);
void           herald_variant_set_delivered_count  (HeraldVariant *self, gint64 delivered_count);
gint64         herald_variant_get_open_count       (HeraldVariant *self);
void           herald_variant_set_open_count       (HeraldVariant *self, gint64 open_count);
gint64         herald_variant_get_click_count      (HeraldVariant *self);
void           herald_variant_set_click_count      (HeraldVariant *self, gint64 click_count);
gint64         herald_variant_get_conversion_count (HeraldVariant *self);
void           herald_variant_set_conversion_count (HeraldVariant *self, gint64 conversion_count);
gboolean       herald_variant_get_is_winner        (HeraldVariant *self);
void           herald_variant_set_is_winner        (HeraldVariant *self, gboolean is_winner);

G_END_DECLS
