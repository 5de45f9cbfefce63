/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "herald-chart-layer.h"
#include "herald-chart-math.h"

G_BEGIN_DECLS

#define HERALD_TYPE_FUNNEL_LAYER (herald_funnel_layer_get_type ())

G_DECLARE_FINAL_TYPE (HeraldFunnelLayer, herald_funnel_layer, HERALD, FUNNEL_LAYER, HeraldChartLayer)

HeraldChartLayer       *herald_funnel_layer_new           (void);
void                    herald_funnel_layer_set_steps     (HeraldFunnelLayer  *self,
                                                           const char * const *names,
                                                           const guint64      *counts,
                                                           guint               n_steps);
guint                   herald_funnel_layer_get_n_steps   (HeraldFunnelLayer  *self);
const char             *herald_funnel_layer_get_step_name (HeraldFunnelLayer  *self,
                                                           guint               index);
const HeraldFunnelStep *herald_funnel_layer_get_step      (HeraldFunnelLayer  *self,
                                                           guint               index);
char                   *herald_funnel_layer_format_step   (HeraldFunnelLayer  *self,
                                                           guint               index);

G_END_DECLS
