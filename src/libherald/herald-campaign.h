/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign.h: a campaign (the seed's Campaign). */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_CAMPAIGN (herald_campaign_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaign, herald_campaign, HERALD, CAMPAIGN, HeraldRecord)

HeraldCampaign *     herald_campaign_new                     (void);
const char *         herald_campaign_get_name                (HeraldCampaign *self);
void                 herald_campaign_set_name                (HeraldCampaign *self, const char *name);
const char *         herald_campaign_get_description         (HeraldCampaign *self);
void                 herald_campaign_set_description         (HeraldCampaign *self, const char *description);
HeraldCampaignType   herald_campaign_get_campaign_type       (HeraldCampaign *self);
void                 herald_campaign_set_campaign_type       (HeraldCampaign *self, HeraldCampaignType type);
HeraldCampaignStatus herald_campaign_get_status              (HeraldCampaign *self);
void                 herald_campaign_set_status              (HeraldCampaign *self, HeraldCampaignStatus status);
const char *         herald_campaign_get_segment_id          (HeraldCampaign *self);
void                 herald_campaign_set_segment_id          (HeraldCampaign *self, const char *segment_id);
const char *         herald_campaign_get_template_id         (HeraldCampaign *self);
void                 herald_campaign_set_template_id         (HeraldCampaign *self, const char *template_id);
GDateTime *          herald_campaign_get_scheduled_at        (HeraldCampaign *self);
void                 herald_campaign_set_scheduled_at        (HeraldCampaign *self, GDateTime *scheduled_at);
GDateTime *          herald_campaign_get_started_at          (HeraldCampaign *self);
void                 herald_campaign_set_started_at          (HeraldCampaign *self, GDateTime *started_at);
GDateTime *          herald_campaign_get_completed_at        (HeraldCampaign *self);
void                 herald_campaign_set_completed_at        (HeraldCampaign *self, GDateTime *completed_at);
gint64               herald_campaign_get_budget              (HeraldCampaign *self);
void                 herald_campaign_set_budget              (HeraldCampaign *self, gint64 budget);
gint64               herald_campaign_get_spent               (HeraldCampaign *self);
void                 herald_campaign_set_spent               (HeraldCampaign *self, gint64 spent);
const char *         herald_campaign_get_currency            (HeraldCampaign *self);
void                 herald_campaign_set_currency            (HeraldCampaign *self, const char *currency);
gint64               herald_campaign_get_target_count        (HeraldCampaign *self);
void                 herald_campaign_set_target_count        (HeraldCampaign *self, gint64 target_count);
gint64               herald_campaign_get_sent_count          (HeraldCampaign *self);
void                 herald_campaign_set_sent_count          (HeraldCampaign *self, gint64 sent_count);
gint64               herald_campaign_get_delivered_count     (HeraldCampaign *self);
void                 herald_campaign_set_delivered_count     (HeraldCampaign *self, gint64 delivered_count);
gint64               herald_campaign_get_open_count          (HeraldCampaign *self);
void                 herald_campaign_set_open_count          (HeraldCampaign *self, gint64 open_count);
gint64               herald_campaign_get_click_count         (HeraldCampaign *self);
void                 herald_campaign_set_click_count         (HeraldCampaign *self, gint64 click_count);
gint64               herald_campaign_get_conversion_count    (HeraldCampaign *self);
void                 herald_campaign_set_conversion_count    (HeraldCampaign *self, gint64 conversion_count);
const char *         herald_campaign_get_preheader           (HeraldCampaign *self);
void                 herald_campaign_set_preheader           (HeraldCampaign *self, const char *preheader);
const char *         herald_campaign_get_from_name           (HeraldCampaign *self);
void                 herald_campaign_set_from_name           (HeraldCampaign *self, const char *from_name);
const char *         herald_campaign_get_from_address        (HeraldCampaign *self);
void                 herald_campaign_set_from_address        (HeraldCampaign *self, const char *from_address);
const char *         herald_campaign_get_reply_to            (HeraldCampaign *self);
void                 herald_campaign_set_reply_to            (HeraldCampaign *self, const char *reply_to);
int                  herald_campaign_get_ab_test_percent     (HeraldCampaign *self);
void                 herald_campaign_set_ab_test_percent     (HeraldCampaign *self, int ab_test_percent);
HeraldWinnerMetric   herald_campaign_get_ab_winner_metric    (HeraldCampaign *self);
void                 herald_campaign_set_ab_winner_metric    (HeraldCampaign *self, HeraldWinnerMetric ab_winner_metric);
int                  herald_campaign_get_ab_wait_hours       (HeraldCampaign *self);
void                 herald_campaign_set_ab_wait_hours       (HeraldCampaign *self, int ab_wait_hours);
gboolean             herald_campaign_get_ab_auto_send_winner (HeraldCampaign *self);
void                 herald_campaign_set_ab_auto_send_winner (HeraldCampaign *self, gboolean ab_auto_send_winner);
double               herald_campaign_get_ab_confidence_level (HeraldCampaign *self);
void                 herald_campaign_set_ab_confidence_level (HeraldCampaign *self, double ab_confidence_level);

G_END_DECLS
