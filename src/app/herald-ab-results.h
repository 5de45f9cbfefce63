/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_AB_RESULTS (herald_ab_results_get_type ())

G_DECLARE_FINAL_TYPE (HeraldAbResults, herald_ab_results, HERALD, AB_RESULTS, AdwBin)

GtkWidget           *herald_ab_results_new          (HeraldStore        *store);
HeraldStore         *herald_ab_results_get_store    (HeraldAbResults    *self);
void                 herald_ab_results_set_store    (HeraldAbResults    *self,
                                                     HeraldStore        *store);
HeraldCampaign      *herald_ab_results_get_campaign (HeraldAbResults    *self);
void                 herald_ab_results_set_campaign (HeraldAbResults    *self,
                                                     HeraldCampaign     *campaign);
HeraldWinnerMetric   herald_ab_results_get_metric   (HeraldAbResults    *self);
void                 herald_ab_results_set_metric   (HeraldAbResults    *self,
                                                     HeraldWinnerMetric  metric);
const HeraldVerdict *herald_ab_results_get_verdict  (HeraldAbResults    *self);
char                *herald_ab_results_dup_cell     (HeraldAbResults    *self,
                                                     guint               variant,
                                                     guint               column);
const char          *herald_ab_results_get_verdict_text (HeraldAbResults *self);
gboolean             herald_ab_results_get_has_variants (HeraldAbResults *self);
gboolean             herald_ab_results_send_winner  (HeraldAbResults    *self,
                                                     GError            **error);

G_END_DECLS
