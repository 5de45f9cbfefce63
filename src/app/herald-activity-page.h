/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"
#include "herald-date-range.h"

G_BEGIN_DECLS

#define HERALD_TYPE_ACTIVITY_PAGE (herald_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (HeraldActivityPage, herald_activity_page, HERALD, ACTIVITY_PAGE, AdwBin)

void         herald_activity_page_set_store       (HeraldActivityPage *self,
                                                   HeraldStore        *store);
void         herald_activity_page_set_campaign_id (HeraldActivityPage *self,
                                                   const char         *campaign_id);
GListModel  *herald_activity_page_get_model       (HeraldActivityPage *self);
GtkDropDown *herald_activity_page_get_type_filter (HeraldActivityPage *self);
HeraldDateRange *herald_activity_page_get_range   (HeraldActivityPage *self);

G_END_DECLS
