/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_PERFORMANCE_VIEW (herald_performance_view_get_type ())

G_DECLARE_FINAL_TYPE (HeraldPerformanceView, herald_performance_view, HERALD, PERFORMANCE_VIEW, AdwBin)

HeraldStore *herald_performance_view_get_store (HeraldPerformanceView *self);
void         herald_performance_view_set_store (HeraldPerformanceView *self,
                                         HeraldStore    *store);

G_END_DECLS
