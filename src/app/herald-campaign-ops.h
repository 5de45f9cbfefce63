/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

/* Recipients up to which a deleted campaign is kept in memory for undo. */
#define HERALD_CAMPAIGN_UNDO_MAX_RECIPIENTS 20000

typedef struct _HeraldCampaignSnapshot HeraldCampaignSnapshot;

HeraldCampaignSnapshot *herald_campaign_snapshot_new     (HeraldStore             *store,
                                                          HeraldCampaign          *campaign,
                                                          GError                 **error);
void                    herald_campaign_snapshot_free    (HeraldCampaignSnapshot  *snapshot);
gboolean                herald_campaign_snapshot_restore (HeraldCampaignSnapshot  *snapshot,
                                                          GError                 **error);

gboolean                herald_campaign_ops_can_delete   (HeraldCampaign          *campaign,
                                                          char                   **why);
void                    herald_campaign_ops_delete       (GtkWidget               *widget,
                                                          HeraldStore             *store,
                                                          HeraldCampaign          *campaign);
HeraldCampaign         *herald_campaign_ops_duplicate    (GtkWidget               *widget,
                                                          HeraldStore             *store,
                                                          HeraldCampaign          *campaign);
void                    herald_campaign_ops_show_toast   (GtkWidget               *widget,
                                                          AdwToast                *toast);
void                    herald_campaign_ops_name_buttons (GtkWidget               *root);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldCampaignSnapshot, herald_campaign_snapshot_free)

G_END_DECLS
