/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_STATUS_BADGE (herald_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (HeraldStatusBadge, herald_status_badge, HERALD, STATUS_BADGE, GtkWidget)

GtkWidget            *herald_status_badge_new        (void);
HeraldCampaignStatus  herald_status_badge_get_status (HeraldStatusBadge    *self);
void                  herald_status_badge_set_status (HeraldStatusBadge    *self,
                                                      HeraldCampaignStatus  status);
const char           *herald_campaign_status_get_icon_name (HeraldCampaignStatus status);
const char           *herald_campaign_type_get_icon_name   (HeraldCampaignType   type);

G_END_DECLS
