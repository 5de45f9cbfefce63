/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "herald-chart-layer.h"

G_BEGIN_DECLS

#define HERALD_TYPE_COLUMN_LAYER (herald_column_layer_get_type ())

G_DECLARE_FINAL_TYPE (HeraldColumnLayer, herald_column_layer, HERALD, COLUMN_LAYER, HeraldChartLayer)

HeraldChartLayer *herald_column_layer_new         (GListModel        *model);
gboolean          herald_column_layer_get_stacked (HeraldColumnLayer *self);
void              herald_column_layer_set_stacked (HeraldColumnLayer *self,
                                                   gboolean           stacked);

G_END_DECLS
