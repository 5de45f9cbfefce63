/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-list.h: a GListModel of HeraldCampaign that pages from the
 * store (keyset paging, LRU page cache) and follows its changes with
 * precise items-changed. */
#pragma once

#include <gio/gio.h>

#include "herald-campaign-query.h"
#include "herald-store.h"

G_BEGIN_DECLS

#define HERALD_TYPE_CAMPAIGN_LIST (herald_campaign_list_get_type ())
G_DECLARE_FINAL_TYPE (HeraldCampaignList, herald_campaign_list, HERALD, CAMPAIGN_LIST, GObject)

HeraldCampaignList  *herald_campaign_list_new       (HeraldStore         *store,
                                                     HeraldCampaignQuery *query);
HeraldStore         *herald_campaign_list_get_store (HeraldCampaignList  *self);
HeraldCampaignQuery *herald_campaign_list_get_query (HeraldCampaignList  *self);
void                 herald_campaign_list_set_query (HeraldCampaignList  *self,
                                                     HeraldCampaignQuery *query);

G_END_DECLS
