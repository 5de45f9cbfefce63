/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_CAMPAIGN_DETAIL (herald_campaign_detail_get_type ())

G_DECLARE_FINAL_TYPE (HeraldCampaignDetail, herald_campaign_detail, HERALD, CAMPAIGN_DETAIL, AdwBin)

HeraldStore    *herald_campaign_detail_get_store    (HeraldCampaignDetail *self);
void            herald_campaign_detail_set_store    (HeraldCampaignDetail *self,
                                                     HeraldStore          *store);
HeraldCampaign *herald_campaign_detail_get_campaign (HeraldCampaignDetail *self);
void            herald_campaign_detail_set_campaign (HeraldCampaignDetail *self,
                                                     HeraldCampaign       *campaign);
void            herald_campaign_detail_set_compact  (HeraldCampaignDetail *self,
                                                     gboolean              compact);
void            herald_campaign_detail_show_page    (HeraldCampaignDetail *self,
                                                     const char           *name);
GtkWidget      *herald_campaign_detail_get_field    (HeraldCampaignDetail *self,
                                                     const char           *property);
GtkLabel       *herald_campaign_detail_get_field_error (HeraldCampaignDetail *self,
                                                     const char           *property);
GtkListBox     *herald_campaign_detail_get_variants_list (HeraldCampaignDetail *self);

G_END_DECLS
