/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "herald-chart-layer.h"

G_BEGIN_DECLS

#define HERALD_TYPE_LINE_LAYER (herald_line_layer_get_type ())

G_DECLARE_FINAL_TYPE (HeraldLineLayer, herald_line_layer, HERALD, LINE_LAYER, HeraldChartLayer)

HeraldChartLayer *herald_line_layer_new      (GListModel      *model);
gboolean          herald_line_layer_get_area (HeraldLineLayer *self);
void              herald_line_layer_set_area (HeraldLineLayer *self,
                                              gboolean         area);

G_END_DECLS
