/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-lifecycle.h: the one transition table of a campaign's status, used
 * by the app, the store and the server alike, and the rules for which fields
 * may still change in each status. */
#pragma once

#include "herald-campaign.h"
#include "herald-enums.h"

G_BEGIN_DECLS

gboolean    herald_campaign_status_can_transition (HeraldCampaignStatus  from,
                                                   HeraldCampaignStatus  to);
gboolean    herald_campaign_status_is_final       (HeraldCampaignStatus  status);
const char *herald_campaign_status_get_command    (HeraldCampaignStatus  from,
                                                   HeraldCampaignStatus  to);
gboolean    herald_campaign_status_allows_edit    (HeraldCampaignStatus  status,
                                                   const char           *property);

gboolean    herald_campaign_transition            (HeraldCampaign       *self,
                                                   HeraldCampaignStatus  to,
                                                   GDateTime            *now,
                                                   GError              **error);
gboolean    herald_campaign_check_edit            (HeraldCampaign       *before,
                                                   HeraldCampaign       *after,
                                                   GError              **error);

G_END_DECLS
