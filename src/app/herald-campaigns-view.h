/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"
#include "herald-campaign-detail.h"

G_BEGIN_DECLS

#define HERALD_TYPE_CAMPAIGNS_VIEW (herald_campaigns_view_get_type ())

G_DECLARE_FINAL_TYPE (HeraldCampaignsView, herald_campaigns_view, HERALD, CAMPAIGNS_VIEW, AdwBin)

HeraldStore          *herald_campaigns_view_get_store       (HeraldCampaignsView *self);
void                  herald_campaigns_view_set_store       (HeraldCampaignsView *self,
                                                             HeraldStore         *store);
gboolean              herald_campaigns_view_open_campaign   (HeraldCampaignsView *self,
                                                             const char          *campaign_id);
GtkColumnView        *herald_campaigns_view_get_column_view (HeraldCampaignsView *self);
HeraldCampaignDetail *herald_campaigns_view_get_detail      (HeraldCampaignsView *self);

G_END_DECLS
